import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { replay } from './replay';

type Props = Record<string, unknown>;
const LINES = {
  type: 'array',
  title: '明细',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['cost'],
    properties: { cost: { type: 'number', title: '金额', minimum: 0, maximum: 100000 } },
  },
};
const TOTAL = 'sum(data.lines.map(l, l.cost))';

/** The expense claim with cost lines; `where` says who computes the amount: the start form or the case. */
function linesBundle(where: 'form' | 'case'): DefinitionBundle {
  const bundle = structuredClone(expenseBundle);
  const caseProps = bundle.definition.caseSchema.properties as Props;
  caseProps.lines = LINES;
  caseProps.average = { type: 'number' };
  caseProps.levelLabel = { type: 'string' };
  const apply = bundle.forms['expense.apply']!;
  (apply.schema.properties as Props).lines = LINES;
  if (where === 'form') apply.uiSchema = { amount: { 'ui:options': { computed: TOTAL } } };
  bundle.definition.computed = {
    ...(where === 'case' ? { amount: TOTAL } : {}),
    average: 'avg(data.lines.map(l, l.cost))',
    levelLabel: 'data.level + "级"',
  };
  return bundle;
}

const lines = (...costs: number[]) => costs.map((cost) => ({ cost }));
const events = (h: StepHarness) => h.audit.flatMap((a) => (a.detail?.events ?? []) as Props[]);

describe('computed values in a step', () => {
  describe.each(['form', 'case'] as const)('given the amount computed by the %s', (where) => {
    it('when a claim of 3,000 + 5,000 is typed as 100, then the amount is 8,000, the leader must approve, and the audit says so', () => {
      const h = new StepHarness(linesBundle(where), smallDirectory);
      const snap = h.start('w1', { amount: 100, reason: '采购', unit: 's1', lines: lines(3000, 5000) });
      expect(snap.data.amount).toBe(8000);
      expect(events(h)).toContainEqual({ computed: 'amount', submitted: 100, value: 8000 });
      h.complete('sec', 'approve', { opinion: '同意上报' });
      expect(h.states()).toEqual(['escalate']);
    });

    it('when the client sends the right total, then nothing is reported', () => {
      const h = new StepHarness(linesBundle(where), smallDirectory);
      h.start('w1', { amount: 300, reason: '采购', unit: 's1', lines: lines(100, 200) });
      expect(events(h).filter((e) => 'computed' in e)).toEqual([]);
    });

    it('when the replay runs the audit log, then it reproduces the computed snapshot', () => {
      const h = new StepHarness(linesBundle(where), smallDirectory);
      h.start('w1', { amount: 1, reason: '采购', unit: 's1', lines: lines(10, 20) });
      h.complete('sec', 'approve', { opinion: '同意报销' });
      const replayed = replay(h.bundle, JSON.parse(JSON.stringify(h.audit)), h.directory);
      expect(JSON.stringify(replayed)).toBe(JSON.stringify(h.snap));
    });
  });

  it('given the form computes the required amount, when the client leaves it out, then the claim starts with it', () => {
    const h = new StepHarness(linesBundle('form'), smallDirectory);
    const snap = h.start('w1', { reason: '采购', unit: 's1', lines: lines(1200.5, 99.5) });
    expect(snap.data.amount).toBe(1300);
  });

  it('given an average over no lines, when computed, then the field is left out and the failure audited', () => {
    const h = new StepHarness(linesBundle('case'), smallDirectory);
    const snap = h.start('w1', { reason: '采购', unit: 's1', lines: [] });
    expect(snap.data.amount).toBe(0);
    expect(snap.data).not.toHaveProperty('average');
    expect(events(h)).toContainEqual({
      computedFailed: 'average',
      code: 'cel-runtime',
      reason: 'division-by-zero',
    });
  });

  it('given a computed field over a field an action assigns, when the action runs, then the value follows', () => {
    const h = new StepHarness(linesBundle('case'), smallDirectory);
    const started = h.start('w1', { reason: '采购', unit: 's1', lines: lines(100) });
    expect(started.data).not.toHaveProperty('levelLabel');
    const snap = h.complete('sec', 'approve', { opinion: '同意报销' });
    expect(snap.data.level).toBe('branch');
    expect(snap.data.levelLabel).toBe('branch级');
  });
});
