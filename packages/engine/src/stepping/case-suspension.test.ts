import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { lifecycleView } from '../visibility/lifecycle-view';
import type { Command } from './commands';
import { compileBundle } from './compiled-definition';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { StepError } from './step-error';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof StepError) return error.code;
    throw error;
  }
  return 'accepted';
}

function started(
  data: Record<string, unknown> = claim,
  bundle: DefinitionBundle = expenseBundle,
): StepHarness {
  const h = new StepHarness(bundle, smallDirectory);
  h.start('w1', data);
  return h;
}

describe('suspend and resume', () => {
  it('given a running case, when an administrator suspends it with a reason, then it is held, audited with who and why', () => {
    const h = started();
    h.run('admin', { type: 'suspend', reason: '核查举报材料' });
    expect(h.snap.status).toBe('running');
    expect(h.snap.suspension).toEqual({
      by: 'admin',
      at: '2026-03-02T08:00:00.000Z',
      reason: '核查举报材料',
    });
    const entry = h.audit.at(-1)!;
    expect(entry.action).toBe('suspend');
    expect(entry.detail).toMatchObject({ events: [{ suspended: true, reason: '核查举报材料' }] });
  });

  it('given a suspended case, when its holder works the task in any way, then each is refused case-suspended with the reason', () => {
    const h = started();
    h.run('admin', { type: 'suspend', reason: '核查' });
    const taskId = h.snap.tasks[0]!.id;
    const attempts: Command[] = [
      { type: 'claim', taskId },
      { type: 'complete', taskId, outcome: 'approve', data: { opinion: '同意' } },
      { type: 'transfer', taskId, to: 'head' },
      { type: 'delegate', taskId, to: 'head' },
      { type: 'urge', taskId },
      { type: 'cc', taskId, users: ['boss'] },
    ];
    for (const command of attempts) expect(refusal(() => h.run('sec', command))).toBe('case-suspended');
    expect(refusal(() => h.run('w1', { type: 'withdraw' }))).toBe('case-suspended');
    try {
      h.run('sec', { type: 'claim', taskId });
    } catch (error) {
      expect((error as StepError).details).toMatchObject({ by: 'admin', reason: '核查' });
    }
    h.run('sec', { type: 'comment', text: '等待核查结果' });
  });

  it('given a suspended case, when it is resumed with a reason, then the task completes as before', () => {
    const h = started();
    h.run('admin', { type: 'suspend', reason: '核查' });
    h.run('admin', { type: 'resume', reason: '核查完毕' });
    expect(h.snap.suspension).toBeUndefined();
    expect(h.audit.at(-1)!.detail).toMatchObject({
      events: [{ resumed: true, reason: '核查完毕', suspendedBy: 'admin' }],
    });
    h.complete('sec', 'approve', { opinion: '同意' });
    expect(h.states()).toContain('vote.reps.voting');
  });

  it('given someone other than an administrator, or no reason, when suspending or resuming, then refused', () => {
    const h = started();
    expect(refusal(() => h.run('sec', { type: 'suspend', reason: '核查' }))).toBe('not-permitted');
    expect(refusal(() => h.run('w1', { type: 'suspend', reason: '核查' }))).toBe('not-permitted');
    expect(refusal(() => h.run('admin', { type: 'suspend', reason: '  ' }))).toBe('invalid-command');
    expect(refusal(() => h.run('admin', { type: 'resume', reason: '未挂起' }))).toBe('stale');
    h.run('admin', { type: 'suspend', reason: '核查' });
    expect(refusal(() => h.run('admin', { type: 'suspend', reason: '再次' }))).toBe('case-suspended');
    expect(refusal(() => h.run('sec', { type: 'resume', reason: '核查完毕' }))).toBe('not-permitted');
    expect(refusal(() => h.run('admin', { type: 'resume', reason: '' }))).toBe('invalid-command');
  });

  it('given a suspended case with due timers, when time passes, then none fires; after resume the overdue ones fire', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    h.run('admin', { type: 'suspend', reason: '领导出差' });
    const timers = h.snap.timers.map((t) => t.id);
    expect(refusal(() => h.advance('P5D'))).toBe('case-suspended');
    expect(h.snap.timers.map((t) => t.id)).toEqual(timers);
    expect(h.states()).toEqual(['escalate']);
    h.run('admin', { type: 'resume', reason: '领导返岗' });
    expect(h.advance('PT0S')).toEqual(['reminder', 'escalation']);
    expect(h.states()).toEqual(['escalate']);
    // The next escalation round counts from when the overdue one fired, not from before the hold.
    expect(h.advance('P2D')).toEqual(['escalation']);
    expect(h.states()).toEqual(['rejected']);
  });

  it('given a suspended case, when an administrator cancels it, then it ends cancelled and is no longer suspended', () => {
    const h = started();
    h.run('admin', { type: 'suspend', reason: '核查' });
    h.run('admin', { type: 'cancel', reason: '重复申请' });
    expect(h.snap.status).toBe('cancelled');
    expect(h.snap.suspension).toBeUndefined();
  });
});

describe('break-glass on a confidential case', () => {
  const secret: DefinitionBundle = {
    ...expenseBundle,
    definition: {
      ...expenseBundle.definition,
      confidential: { enabled: true },
      fieldVisibility: { reason: { audience: [{ kind: 'participants' }] } },
    },
  };

  it('given a confidential case, when an administrator cancels without a reason, then refused; with one, cancelled', () => {
    const h = started(claim, secret);
    expect(refusal(() => h.run('admin', { type: 'cancel' }))).toBe('invalid-command');
    h.run('admin', { type: 'cancel', reason: '当事人已调离' });
    expect(h.snap.status).toBe('cancelled');
  });

  it('given a confidential case, when the administrator looks at it, then only its lifecycle shows: no data, initiator or unit', () => {
    const h = started(claim, secret);
    h.run('admin', { type: 'suspend', reason: '核查' });
    const compiled = compileBundle(secret);
    const seen = lifecycleView(compiled, h.snap, 'admin', h.directory)!;
    expect(seen.access).toBe('break-glass');
    expect(seen.view).toBeUndefined();
    expect(seen).not.toHaveProperty('initiator');
    expect(seen).not.toHaveProperty('caseUnit');
    expect(JSON.stringify(seen)).not.toContain('购买劳保用品');
    expect(seen.suspension?.reason).toBe('核查');
    expect(seen.states).toEqual(['review']);
    expect(lifecycleView(compiled, h.snap, 'w2', h.directory)).toBeUndefined();
    const open = lifecycleView(compileBundle(expenseBundle), h.snap, 'admin', h.directory)!;
    expect(open).toMatchObject({ access: 'view', initiator: 'w1', caseUnit: 's1' });
  });
});
