import { describe, expect, it } from 'vitest';
import type { DefinitionBundle } from '../definition/definition-types';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';

const claim = { amount: 9000, reason: '购买劳保用品', unit: 's1' };
/** Two secretaries hold the branch, so the review is offered to a pool of two. */
const twoSecretaries = {
  ...smallDirectory,
  memberships: [...smallDirectory.memberships, { username: 'sec2', role: 'branchSecretary', unit: 'b1' }],
};

function escalated(bundle: DefinitionBundle = expenseBundle): StepHarness {
  const h = new StepHarness(bundle, twoSecretaries);
  h.start('w1', claim);
  h.complete('sec2', 'approve', { opinion: '请领导审批' });
  h.run('boss', { type: 'return', taskId: h.taskOf('boss').id, target: 'review', comment: '补充发票' });
  return h;
}

function reviewTask(h: StepHarness) {
  return h.snap.tasks.find((t) => t.stateId === 'review')!;
}

describe('task origin', () => {
  it('given a review done by one of two secretaries, when the leader returns it, then it goes back to that secretary with the reason', () => {
    const h = escalated();
    const task = reviewTask(h);
    expect(task.assignee).toBe('sec2');
    expect(task.origin).toEqual({ kind: 'returned', by: 'boss', at: expect.any(String), reason: '补充发票' });
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'returned', users: ['sec2'] }));
  });

  it('given the review step declares returnTo pool, when the leader returns it, then both secretaries see it again', () => {
    const pooled = structuredClone(expenseBundle);
    const review = pooled.definition.machine.states.review!.task!;
    review.returnTo = 'pool';
    const h = escalated(pooled);
    const task = reviewTask(h);
    expect(task.assignee).toBeUndefined();
    expect(task.origin?.reason).toBe('补充发票');
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'returned', users: ['sec', 'sec2'] }));
  });

  it('given a delegation with a note, when the delegate holds the task, then the note and the delegator are on it; when the delegate finishes, then it is gone', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    h.start('w1', { ...claim, amount: 1200 });
    h.run('sec', { type: 'delegate', taskId: h.taskOf('sec').id, to: 'head', comment: '请先核对发票' });
    expect(h.taskOf('head').origin).toEqual({
      kind: 'delegated',
      by: 'sec',
      at: expect.any(String),
      reason: '请先核对发票',
    });
    h.complete('head', 'approve', { opinion: '发票齐全' });
    expect(h.taskOf('sec').origin).toBeUndefined();
  });
});
