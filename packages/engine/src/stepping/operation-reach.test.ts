import { describe, expect, it } from 'vitest';
import type { DefinitionBundle, UserTaskDef } from '../definition/definition-types';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { StepError } from './step-error';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

function started(bundle: DefinitionBundle = expenseBundle): StepHarness {
  const h = new StepHarness(bundle, smallDirectory);
  h.start('w1', claim);
  return h;
}

function refusal(run: () => unknown): StepError {
  try {
    run();
  } catch (error) {
    if (error instanceof StepError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

/** The expense bundle with the review task changed and the definition optionally confidential. */
function variant(
  review: Partial<UserTaskDef>,
  confidential?: DefinitionBundle['definition']['confidential'],
): DefinitionBundle {
  const def = structuredClone(expenseBundle.definition);
  const state = def.machine.states.review!;
  state.task = { ...state.task!, ...review };
  if (confidential) def.confidential = confidential;
  return { ...expenseBundle, definition: def };
}

describe('delegation reach (转办/委派/抄送/加签)', () => {
  it('given the review, when the secretary transfers it to a worker outside its reach, then outside-reach names the worker', () => {
    const h = started();
    const error = refusal(() => h.run('sec', { type: 'transfer', taskId: h.taskOf('sec').id, to: 'w2' }));
    expect(error.code).toBe('outside-reach');
    expect(error.details).toEqual({ operation: 'transfer', users: ['w2'] });
    expect(error.message).toContain('w2');
    expect(h.tasksOf('sec')).toHaveLength(1);
  });

  it('given a review with no widening, when transferred to the station head, then only the assignment reaches and it is refused', () => {
    const h = started(variant({ reach: undefined }));
    const error = refusal(() => h.run('sec', { type: 'transfer', taskId: h.taskOf('sec').id, to: 'head' }));
    expect(error.code).toBe('outside-reach');
  });

  it('given the review, when delegated to a worker or copied to a worker, then each is outside-reach; a district leader may be copied', () => {
    const h = started();
    const taskId = h.taskOf('sec').id;
    expect(refusal(() => h.run('sec', { type: 'delegate', taskId, to: 'w2' })).code).toBe('outside-reach');
    const cc = refusal(() => h.run('sec', { type: 'cc', taskId, users: ['boss2', 'r1'] }));
    expect(cc.details).toEqual({ operation: 'cc', users: ['r1'] });
    h.run('sec', { type: 'cc', taskId, users: ['boss2'] });
    expect(h.snap.cc.map((c) => c.user)).toEqual(['boss2']);
  });

  it('given a running vote, when a signer adds a district leader outside the addSigner reach, then outside-reach', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    const error = refusal(() =>
      h.run('r1', { type: 'addSigner', taskId: h.taskOf('r1').id, users: ['w1', 'boss'] }),
    );
    expect(error.code).toBe('outside-reach');
    expect(error.details).toEqual({ operation: 'addSigner', users: ['boss'] });
  });

  it('given a confidential case, when the secretary copies a leader in reach who may not open it, then not-entitled', () => {
    const h = started(variant({}, { enabled: true }));
    const error = refusal(() => h.run('sec', { type: 'cc', taskId: h.taskOf('sec').id, users: ['boss2'] }));
    expect(error.code).toBe('not-entitled');
    expect(error.details).toEqual({ operation: 'cc', users: ['boss2'] });
    expect(h.snap.cc).toEqual([]);
  });

  it('given a confidential case the district leaders may open, when the secretary copies one, then the copy is made', () => {
    const alsoVisibleTo = [{ kind: 'role' as const, role: 'districtLeader', unit: 'd' }];
    const h = started(variant({}, { enabled: true, alsoVisibleTo }));
    h.run('sec', { type: 'cc', taskId: h.taskOf('sec').id, users: ['boss2'] });
    expect(h.snap.cc.map((c) => c.user)).toEqual(['boss2']);
  });

  it('given a confidential case, when the secretary delegates to the station head in reach but not entitled, then not-entitled', () => {
    const h = started(variant({}, { enabled: true }));
    const error = refusal(() => h.run('sec', { type: 'delegate', taskId: h.taskOf('sec').id, to: 'head' }));
    expect(error.code).toBe('not-entitled');
  });
});

describe('减签 by the owner only', () => {
  it('given a running vote, when a signer removes a peer, then not-permitted and the peer still signs', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    const error = refusal(() =>
      h.run('r1', { type: 'removeSigner', taskId: h.taskOf('r1').id, users: ['r3'] }),
    );
    expect(error.code).toBe('not-permitted');
    expect(h.snap.votes['vote.reps.voting']!.state.signers).toContain('r3');
  });

  it('given a signer who added a worker, when they remove that worker, then the worker leaves the vote; another signer may not', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.run('r1', { type: 'addSigner', taskId: h.taskOf('r1').id, users: ['w2'] });
    expect(
      refusal(() => h.run('r2', { type: 'removeSigner', taskId: h.taskOf('r2').id, users: ['w2'] })).code,
    ).toBe('not-permitted');
    h.run('r1', { type: 'removeSigner', taskId: h.taskOf('r1').id, users: ['w2'] });
    expect(h.snap.votes['vote.reps.voting']!.state.signers).not.toContain('w2');
  });
});

describe('催办 at most once per interval', () => {
  const urgeable = variant({ operations: ['urge'], urgeInterval: 'PT2H' });

  it('given an urged task, when urged again inside the interval, then urge-too-soon says when it is allowed; after it, the urge notifies', () => {
    const h = started(urgeable);
    const taskId = h.taskOf('sec').id;
    h.run('w1', { type: 'urge', taskId });
    h.now += 30 * 60_000;
    const error = refusal(() => h.run('w1', { type: 'urge', taskId }));
    expect(error.code).toBe('urge-too-soon');
    expect(error.details).toEqual({ allowedAt: '2026-03-02T10:00:00.000Z', retryAfter: 5400 });
    h.now += 90 * 60_000;
    h.run('w1', { type: 'urge', taskId });
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'urged', users: ['sec'] }));
    expect(h.snap.tasks[0]!.urged).toBe(2);
  });

  it('given a task declaring no interval, when urged twice 59 minutes apart, then the default hour refuses the second', () => {
    const h = started(variant({ operations: ['urge'], urgeInterval: undefined }));
    const taskId = h.taskOf('sec').id;
    h.run('w1', { type: 'urge', taskId });
    h.now += 59 * 60_000;
    expect(refusal(() => h.run('w1', { type: 'urge', taskId })).code).toBe('urge-too-soon');
  });

  it('given a zero interval, when urged twice at once, then both notify', () => {
    const h = started(variant({ operations: ['urge'], urgeInterval: 'PT0S' }));
    const taskId = h.taskOf('sec').id;
    h.run('w1', { type: 'urge', taskId });
    h.run('w1', { type: 'urge', taskId });
    expect(h.snap.tasks[0]!.urged).toBe(2);
  });
});
