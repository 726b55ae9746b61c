import { describe, expect, it } from 'vitest';
import { applyDirectoryOps, InMemoryDirectory } from '../assignment';
import { followDirectory } from './directory-follow';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { StepError } from './step-error';

const NOW = '2026-03-02T09:00:00.000Z';
const before = new InMemoryDirectory(smallDirectory);
const changed = (ops: Parameters<typeof applyDirectoryOps>[1]) =>
  new InMemoryDirectory(applyDirectoryOps(smallDirectory, ops).seed);

describe('followDirectory: open tasks after a directory change', () => {
  it('given the branch review task offered to the secretary role, when sec2 becomes secretary, then it moves with the role and the row stays', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 1200, reason: '劳保', unit: 's1' });
    const after = changed([{ op: 'setRoleHolder', role: 'branchSecretary', unit: 'b1', username: 'sec2' }]);
    expect(followDirectory(expenseBundle, h.snap, before, after, NOW)).toMatchObject([
      { stateId: 'review', assignee: null, before: ['sec'], after: ['sec2'], changed: false },
    ]);
  });

  it('given the review task claimed by sec, when sec2 becomes secretary, then the claim goes back to the pool, by a reassign command', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 1200, reason: '劳保', unit: 's1' });
    const taskId = h.snap.tasks[0]!.id;
    h.run('sec', { type: 'claim', taskId });
    const after = changed([{ op: 'setRoleHolder', role: 'branchSecretary', unit: 'b1', username: 'sec2' }]);
    const [plan, ...rest] = followDirectory(expenseBundle, h.snap, before, after, NOW);
    expect(rest).toEqual([]);
    expect(plan).toMatchObject({
      assignee: 'sec',
      before: ['sec'],
      after: ['sec2'],
      newAssignee: null,
      releasesClaim: true,
    });
    h.run('system', { type: 'reassign', taskId, candidates: plan!.candidates });
    expect(h.snap.tasks[0]!.assignee).toBeUndefined();
    expect(h.audit.at(-1)).toMatchObject({ action: 'reassign', actor: 'system' });
  });

  it('given a change that touches nobody on the task, when followed, then nothing moves', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 1200, reason: '劳保', unit: 's1' });
    const after = changed([{ op: 'setPerson', username: 'w2', phone: '139' }]);
    expect(followDirectory(expenseBundle, h.snap, before, after, NOW)).toEqual([]);
  });

  it('given the leader approval held by the contracting leader, when boss2 contracts the branch instead, then it follows to boss2', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 9000, reason: '设备', unit: 's1' });
    h.complete('sec', 'approve', { opinion: '同意' });
    const after = changed([
      { op: 'removeContract', contractor: { user: 'boss' }, unit: 'b1' },
      { op: 'addContract', contractor: { user: 'boss2' }, unit: 'b1' },
    ]);
    const plans = followDirectory(expenseBundle, h.snap, before, after, NOW);
    expect(plans.map((p) => [p.stateId, p.before, p.after, p.newAssignee])).toEqual([
      ['escalate', ['boss'], ['boss2'], 'boss2'],
    ]);
  });

  it('given a user, when they send reassign, then it is refused', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { amount: 1200, reason: '劳保', unit: 's1' });
    const taskId = h.snap.tasks[0]!.id;
    expect(() =>
      h.run('admin', { type: 'reassign', taskId, candidates: { users: ['admin'], roles: [] } }),
    ).toThrow(StepError);
  });
});
