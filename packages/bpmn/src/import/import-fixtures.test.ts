import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BpmnImportError, importBpmn } from './import-bpmn';

const dir = join(import.meta.dirname, '../fixtures');
const read = (name: string) => readFileSync(join(dir, name), 'utf8');

/** Pinned per fixture: how many elements were mapped, partly mapped, not mapped; the lint errors. */
const EXPECTED: Record<string, { mapped: number; partial: number; unmapped: number; lint: string[] }> = {
  'invoice-approval.bpmn': { mapped: 24, partial: 2, unmapped: 5, lint: [] },
  'parallel-review.bpmn': { mapped: 25, partial: 1, unmapped: 0, lint: [] },
  'multi-instance-approval.bpmn': { mapped: 19, partial: 2, unmapped: 0, lint: [] },
  'boundary-timer-escalation.bpmn': { mapped: 15, partial: 5, unmapped: 4, lint: ['unreachable-state'] },
  'call-activity.bpmn': { mapped: 11, partial: 5, unmapped: 6, lint: [] },
};

describe('importBpmn on the fixtures', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.bpmn'));

  it('given the fixtures folder, then every fixture has pinned counts', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)(
    'given %s, when imported, then the report counts and lint errors are as pinned',
    async (file) => {
      const { report, bundle } = await importBpmn(read(file));
      const expected = EXPECTED[file]!;
      const share = `${Math.round(report.mappedShare * 100)}%`;
      console.log(
        `${file}: ${report.counts.mapped} mapped, ${report.counts.partial} partial, ${report.counts.unmapped} not mapped — ${share} mapped at least in part`,
      );
      expect(report.counts).toEqual({
        mapped: expected.mapped,
        partial: expected.partial,
        unmapped: expected.unmapped,
      });
      expect(report.lint.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(expected.lint);
      for (const entry of report.entries) {
        expect(entry.elementId).toBeTruthy();
        if (entry.status !== 'mapped') expect(entry.notes.length).toBeGreaterThan(0);
      }
      expect(Object.keys(bundle.definition.machine.states).length).toBeGreaterThan(0);
    },
  );

  it('given the invoice, when imported, then gateways become guards, tasks keep assignees, forms and due dates', async () => {
    const { bundle } = await importBpmn(read('invoice-approval.bpmn'));
    const { states } = bundle.definition.machine;
    expect(bundle.definition.machine.initial).toBe('approveInvoice');
    expect(states.approveInvoice!.task).toMatchObject({
      assignment: { kind: 'field', field: 'approver' },
      due: 'P7D',
      form: 'invoice-approval.approve-invoice',
    });
    expect(states.approveInvoice!.on!.complete).toEqual([
      expect.objectContaining({
        target: 'managementApproval',
        guard: { type: 'cel', params: { expr: 'data.approved && data.amount > 5000' } },
      }),
      expect.objectContaining({
        target: 'prepareBankTransfer',
        guard: {
          type: 'cel',
          params: {
            expr: 'data.approved && data.amount <= 5000 && data.invoiceCategory != "Travel Expenses"',
          },
        },
      }),
      expect.objectContaining({ target: 'reviewInvoice' }),
    ]);
    expect(states.reviewInvoice!.task!.assignment).toEqual({
      kind: 'users',
      users: ['demo', 'john', 'mary'],
    });
    expect(states.archiveInvoice!.always).toBe('EndEvent_processed');
    expect(bundle.forms['invoice-approval.approve-invoice']).toMatchObject({ schema: { type: 'object' } });
    expect(bundle.definition.caseSchema.properties).toMatchObject({
      amount: { type: 'number' },
      approved: { type: 'boolean' },
    });
  });

  it('given the parallel review, when imported, then the split is a parallel state whose regions end at the join', async () => {
    const { bundle } = await importBpmn(read('parallel-review.bpmn'));
    const split = bundle.definition.machine.states.Gateway_split!;
    expect(split.type).toBe('parallel');
    expect(Object.keys(split.states!)).toEqual(['branch1', 'branch2']);
    expect(split.states!.branch2!.states!.riskCheck!.on!.complete).toBe('done');
    expect(split.states!.branch2!.states!.done).toEqual({ type: 'final' });
    expect(split.onDone).toEqual([
      expect.objectContaining({ target: 'signContract' }),
      expect.objectContaining({ target: 'reworkContract' }),
    ]);
    expect(bundle.definition.machine.states.reworkContract!.on!.complete).toEqual([
      expect.objectContaining({
        target: 'Gateway_split',
        guard: { type: 'cel', params: { expr: 'data.resubmit' } },
      }),
      expect.objectContaining({ target: 'EndEvent_withdrawn' }),
    ]);
  });

  it('given multi-instance tasks, when imported, then they are votes with their signers', async () => {
    const { bundle } = await importBpmn(read('multi-instance-approval.bpmn'));
    const { states } = bundle.definition.machine;
    expect(states.committeeVote!.task).toMatchObject({
      voting: { mode: 'ratio', ratio: 0.6 },
      assignment: { kind: 'field', field: 'committee' },
    });
    expect(states.signOff!.task!.voting!.mode).toBe('sequential');
    expect(states.anyManager!.task!.voting!.mode).toBe('any');
    expect(states.anyManager!.task!.assignment).toEqual({
      kind: 'anyOf',
      rules: [
        { kind: 'users', users: ['fozzie'] },
        { kind: 'role', role: 'management', unit: 'root' },
      ],
    });
    const hr = states.notifySplit!.states!.branch1!;
    expect(hr.initial).toBe('start');
    expect(hr.states!.start!.always).toEqual([
      { target: 'informHr', guard: { type: 'cel', params: { expr: 'data.headcount > 0' } } },
      { target: 'done' },
    ]);
  });

  it('given timers, when imported, then boundary timers are `after`, a waiting event is a timed state', async () => {
    const { bundle } = await importBpmn(read('boundary-timer-escalation.bpmn'));
    const { states } = bundle.definition.machine;
    expect(states.handleComplaint!.after).toEqual({ PT48H: 'escalate' });
    expect(states.Wait_coolingOff!.after).toEqual({ P3D: 'Wait_yearEnd' });
  });

  it('given a call activity, when imported, then it invokes the child with its inputs', async () => {
    const { bundle } = await importBpmn(read('call-activity.bpmn'));
    expect(bundle.definition.machine.states.creditCheck!.invoke).toMatchObject({
      process: 'credit-check-process',
      input: { person: 'data.applicant', amount: 'data.amount' },
    });
  });

  it('given text that is not BPMN, when imported, then BpmnImportError', async () => {
    await expect(importBpmn('not xml at all')).rejects.toBeInstanceOf(BpmnImportError);
    await expect(
      importBpmn('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>'),
    ).rejects.toThrow('no BPMN process');
  });

  it('given a key and existing forms, when imported, then the draft takes the key and no placeholder replaces them', async () => {
    const form = {
      key: 'x.approve-invoice',
      title: { 'zh-CN': '审批', en: 'Approve' },
      schema: { type: 'object', properties: {} },
    };
    const { bundle } = await importBpmn(read('invoice-approval.bpmn'), {
      key: 'x',
      unit: 'district',
      forms: { [form.key]: form },
    });
    expect(bundle.definition.key).toBe('x');
    expect(bundle.forms['x.approve-invoice']).toBe(form);
    expect(bundle.definition.starters).toEqual({ kind: 'role', role: 'accounting', unit: 'district' });
  });
});
