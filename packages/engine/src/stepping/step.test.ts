import { describe, expect, it } from 'vitest';
import { expenseBundle, smallDirectory } from './fixtures/expense-bundle';
import { StepHarness } from './fixtures/step-harness';
import { replay } from './replay';
import { StepError } from './step-error';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };

function started(data: Record<string, unknown> = claim): StepHarness {
  const h = new StepHarness(expenseBundle, smallDirectory);
  h.start('w1', data);
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

describe('start', () => {
  it('given a worker of the station, when they start a claim, then the branch secretary gets the review task', () => {
    const h = started();
    expect(h.states()).toEqual(['review']);
    expect(h.taskOf('sec').stateId).toBe('review');
    expect(h.effects).toContainEqual(
      expect.objectContaining({ type: 'notify', users: ['sec'], kind: 'task-assigned' }),
    );
    expect(h.snap.version).toBe(1);
    expect(h.audit[0]).toMatchObject({ seq: 1, actor: 'w1', action: 'start' });
  });

  it('given someone who is not a starter, when they start, then it is not-permitted', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    expect(refusal(() => h.start('r1', claim)).code).toBe('not-permitted');
  });

  it('given an invalid start form, when started, then invalid-form lists the field errors', () => {
    const h = new StepHarness(expenseBundle, smallDirectory);
    const error = refusal(() => h.start('w1', { amount: -5, reason: '', unit: 's1' }));
    expect(error.code).toBe('invalid-form');
    const paths = (error.details as { errors: { path: string }[] }).errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/amount', '/reason']));
  });
});

describe('complete', () => {
  it('given a small claim, when the secretary approves, then the parallel vote and note open and CEL assigned the level', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    expect(h.states()).toEqual(['vote.note.writing', 'vote.reps.voting']);
    expect(h.snap.data.level).toBe('branch');
    expect(h.snap.data.opinion).toBe('同意报销');
    expect(h.snap.performers.review).toEqual(['sec']);
    expect(h.snap.tasks.filter((t) => t.stateId === 'vote.reps.voting').map((t) => t.signer)).toEqual([
      'r1',
      'r2',
      'r3',
    ]);
  });

  it('given a claim above the threshold parameter, when approved, then it escalates to the leader contracting the branch', () => {
    const h = started({ ...claim, amount: 8000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    expect(h.states()).toEqual(['escalate']);
    expect(h.taskOf('boss').stateId).toBe('escalate');
    expect(h.tasksOf('boss2')).toEqual([]);
  });

  it('given the wrong user, when they complete, then not-permitted and the snapshot is untouched', () => {
    const h = started();
    const before = JSON.stringify(h.snap);
    const taskId = h.taskOf('sec').id;
    const error = refusal(() =>
      h.run('w2', { type: 'complete', taskId, outcome: 'approve', data: { opinion: '同意' } }),
    );
    expect(error.code).toBe('not-permitted');
    expect(JSON.stringify(h.snap)).toBe(before);
  });

  it('given invalid task data, when completing, then invalid-form and nothing changes', () => {
    const h = started();
    const error = refusal(() => h.complete('sec', 'approve', { opinion: 'x' }));
    expect(error.code).toBe('invalid-form');
    expect(h.states()).toEqual(['review']);
  });

  it('given a read-only field, when the task submits it, then invalid-form names it', () => {
    const h = started();
    const error = refusal(() => h.complete('sec', 'approve', { opinion: '同意', amount: 1 }));
    expect(error.code).toBe('invalid-form');
    expect((error.details as { errors: { path: string }[] }).errors[0]!.path).toBe('/amount');
  });

  it('given a reject that requires a comment, when rejected without one, then refused; with one, the case ends rejected', () => {
    const h = started();
    expect(refusal(() => h.complete('sec', 'reject')).code).toBe('invalid-form');
    h.complete('sec', 'reject', undefined, '事由不充分');
    expect(h.snap.status).toBe('completed');
    expect(h.states()).toEqual(['rejected']);
    expect(h.snap.tasks).toEqual([]);
  });

  it('given a task already completed, when completed again, then stale', () => {
    const h = started();
    const taskId = h.taskOf('sec').id;
    h.complete('sec', 'approve', { opinion: '同意报销' });
    expect(refusal(() => h.run('sec', { type: 'complete', taskId, outcome: 'approve' })).code).toBe('stale');
  });

  it('given an unknown outcome, when completing, then invalid-command', () => {
    const h = started();
    expect(refusal(() => h.complete('sec', 'maybe', { opinion: '同意' })).code).toBe('invalid-command');
  });
});

describe('voting (会签 by ratio)', () => {
  it('given 3 reps at ratio 0.6, when two approve, then the region passes and the note still waits', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.complete('r1', 'approve');
    expect(h.states()).toContain('vote.reps.voting');
    h.complete('r2', 'approve');
    expect(h.states()).toEqual(['vote.note.writing', 'vote.reps.passed']);
    expect(h.tasksOf('r3')).toEqual([]);
    h.run('head', { type: 'claim', taskId: h.taskOf('head').id });
    h.complete('head', 'done', { note: '已核实' });
    expect(h.snap.status).toBe('completed');
    expect(h.states()).toEqual(['paid']);
  });

  it('given a task collecting responses, when each signer answers, then every answer is kept with who, how and when', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.complete('r1', 'approve');
    h.complete('r2', 'reject', undefined, '金额偏高');
    expect(h.snap.data.repVotes).toEqual([
      { by: 'r1', outcome: 'approve', at: '2026-03-02T08:00:00.000Z' },
      { by: 'r2', outcome: 'reject', at: '2026-03-02T08:00:00.000Z', comment: '金额偏高' },
    ]);
  });

  it('given two rejections out of three, when the target becomes impossible, then the case is rejected', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.complete('r1', 'reject', undefined, '不同意');
    expect(h.snap.status).toBe('running');
    h.complete('r2', 'reject', undefined, '不同意');
    expect(h.states()).toEqual(['rejected']);
  });

  it('given a running vote, when a signer is added (加签), then the ratio applies to the new total', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.complete('r1', 'approve');
    h.run('r2', { type: 'addSigner', taskId: h.taskOf('r2').id, users: ['w1', 'w2'] });
    h.complete('r2', 'approve');
    expect(h.states()).toContain('vote.reps.voting');
    h.complete('w1', 'approve');
    expect(h.states()).toContain('vote.reps.passed');
  });

  it('given a running vote, when an administrator removes un-voted signers (减签), then the vote can be decided at once', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.complete('r1', 'approve');
    h.complete('r2', 'reject', undefined, '不同意');
    h.run('admin', { type: 'removeSigner', taskId: h.taskOf('r3').id, users: ['r3'] });
    expect(h.states()).toEqual(['rejected']);
  });
});

describe('operations', () => {
  it('given the review, when transferred (转办), then only the new holder may act', () => {
    const h = started();
    h.run('sec', { type: 'transfer', taskId: h.taskOf('sec').id, to: 'head', comment: '请站长处理' });
    expect(h.tasksOf('sec')).toEqual([]);
    h.complete('head', 'approve', { opinion: '同意报销' });
    expect(h.snap.performers.review).toEqual(['head']);
  });

  it('given the review, when delegated (委派) and the delegate completes, then it returns to the delegator', () => {
    const h = started();
    h.run('sec', { type: 'delegate', taskId: h.taskOf('sec').id, to: 'head' });
    expect(h.tasksOf('sec')).toEqual([]);
    h.complete('head', 'approve', { opinion: '核实无误' });
    expect(h.states()).toEqual(['review']);
    expect(h.taskOf('sec').delegateDone).toBe(true);
    h.complete('sec', 'approve', { opinion: '同意报销' });
    expect(h.states()).toContain('vote.reps.voting');
  });

  it('given an operation the task does not allow, when requested, then not-enabled', () => {
    const h = started();
    expect(
      refusal(() =>
        h.run('sec', { type: 'return', taskId: h.taskOf('sec').id, target: 'review', comment: 'x' }),
      ).code,
    ).toBe('not-enabled');
  });

  it('given the escalation, when the leader returns it (退回), then the review opens again for the secretary', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    h.run('boss', { type: 'return', taskId: h.taskOf('boss').id, target: 'review', comment: '补充发票' });
    expect(h.states()).toEqual(['review']);
    expect(h.taskOf('sec').stateId).toBe('review');
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'returned', users: ['sec'] }));
  });

  it('given a return to a target not declared, when requested, then invalid-command', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    expect(
      refusal(() =>
        h.run('boss', { type: 'return', taskId: h.taskOf('boss').id, target: 'vote', comment: 'x' }),
      ).code,
    ).toBe('invalid-command');
  });

  it('given the secretary approved, when they withdraw (撤回) before the leader acts, then the review is back', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    h.run('sec', { type: 'withdraw' });
    expect(h.states()).toEqual(['review']);
    expect(h.taskOf('sec')).toBeDefined();
    expect(h.tasksOf('boss')).toEqual([]);
  });

  it('given the leader already acted, when the secretary withdraws, then not-enabled', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    h.run('boss', { type: 'return', taskId: h.taskOf('boss').id, target: 'review', comment: '补充' });
    expect(refusal(() => h.run('sec', { type: 'withdraw' })).code).toBe('not-enabled');
  });

  it('given someone else, when they withdraw, then not-permitted', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    expect(refusal(() => h.run('w1', { type: 'withdraw' })).code).toBe('not-permitted');
  });

  it('given the initiator, when they urge (催办), then the holder is notified and the count rises; an outsider may not', () => {
    const h = started();
    h.run('w1', { type: 'urge', taskId: h.taskOf('sec').id });
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'urged', users: ['sec'] }));
    expect(h.taskOf('sec').urged).toBe(1);
    expect(refusal(() => h.run('r1', { type: 'urge', taskId: h.taskOf('sec').id })).code).toBe(
      'not-permitted',
    );
  });

  it('given the holder, when they CC (抄送) someone, then that person is recorded and notified', () => {
    const h = started();
    h.run('sec', { type: 'cc', taskId: h.taskOf('sec').id, users: ['boss2'] });
    expect(h.snap.cc.map((c) => c.user)).toEqual(['boss2']);
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'cc', users: ['boss2'] }));
  });

  it('given a task with declared CC recipients, when it is completed, then they are copied in and told', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    h.complete('boss', 'approve');
    expect(h.snap.cc.map((c) => c.user)).toEqual(['boss2']);
    expect(h.effects).toContainEqual(expect.objectContaining({ kind: 'cc', users: ['boss2'] }));
  });

  it('given a role-offered task, when claimed and unclaimed, then the holder changes accordingly', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    const task = h.taskOf('head', 'vote.note.writing');
    expect(task.assignee).toBeUndefined();
    h.run('head', { type: 'claim', taskId: task.id });
    expect(h.taskOf('head', 'vote.note.writing').assignee).toBe('head');
    h.run('head', { type: 'unclaim', taskId: task.id });
    expect(h.taskOf('head', 'vote.note.writing').assignee).toBeUndefined();
  });

  it('given a role task, when the role changes hands, then the new holder may act and the old one not', () => {
    const h = started();
    h.complete('sec', 'approve', { opinion: '同意报销' });
    h.directory.setRoleHolder('stationHead', 's1', 'w2');
    expect(h.tasksOf('head')).toEqual([]);
    h.complete('w2', 'done', { note: '新站长确认' });
    expect(h.states()).toContain('vote.note.written');
  });
});

describe('timers', () => {
  it('given the escalation, when time passes, then remind, remind again, and finally the auto-decision rejects', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    expect(h.taskOf('boss').dueAt).toBe('2026-03-05T08:00:00.000Z');
    expect(h.advance('P1D')).toEqual(['reminder']);
    expect(h.advance('P1D')).toEqual(['escalation']);
    expect(h.snap.status).toBe('running');
    expect(h.advance('P2D')).toEqual(['escalation']);
    expect(h.states()).toEqual(['rejected']);
    expect(h.snap.timers).toEqual([]);
  });

  it('given a fired timer, when it fires again, then stale', () => {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    const timer = h.snap.timers.find((t) => t.kind === 'reminder')!;
    h.run('system', { type: 'timerFired', timerId: timer.id });
    expect(refusal(() => h.run('system', { type: 'timerFired', timerId: timer.id })).code).toBe('stale');
  });
});

describe('purity, determinism and replay', () => {
  function fullRun(): StepHarness {
    const h = started({ ...claim, amount: 9000 });
    h.complete('sec', 'approve', { opinion: '请领导审批' });
    h.run('boss', { type: 'return', taskId: h.taskOf('boss').id, target: 'review', comment: '补充' });
    h.complete('sec', 'approve', { opinion: '已补充' });
    h.advance('P1D');
    h.complete('boss', 'approve');
    h.complete('r1', 'approve');
    h.complete('r2', 'approve');
    h.complete('head', 'done', {});
    return h;
  }

  it('given the same commands, when run twice, then snapshots and audit are identical', () => {
    expect(JSON.stringify(fullRun().snap)).toBe(JSON.stringify(fullRun().snap));
    expect(JSON.stringify(fullRun().audit)).toBe(JSON.stringify(fullRun().audit));
  });

  it('given a finished case, when the snapshot goes through JSON, then it is unchanged', () => {
    const h = fullRun();
    expect(h.snap.status).toBe('completed');
    expect(JSON.parse(JSON.stringify(h.snap))).toEqual(h.snap);
  });

  it('given the audit log, when replayed, then it reproduces the snapshot exactly', () => {
    const h = fullRun();
    const replayed = replay(expenseBundle, JSON.parse(JSON.stringify(h.audit)), h.directory);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(h.snap));
  });

  it('given a snapshot, when a command is applied, then the input snapshot object is not mutated', () => {
    const h = started();
    const before = h.snap;
    const frozen = JSON.stringify(before);
    h.complete('sec', 'approve', { opinion: '同意报销' });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('given an administrator, when cancelling, then the case ends with no tasks; others are refused', () => {
    const h = started();
    expect(refusal(() => h.run('w1', { type: 'cancel' })).code).toBe('not-permitted');
    h.run('admin', { type: 'cancel', reason: '重复提交' });
    expect(h.snap.status).toBe('cancelled');
    expect(h.snap.tasks).toEqual([]);
  });
});
