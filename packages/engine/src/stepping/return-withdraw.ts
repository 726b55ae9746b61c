import { expandCandidates } from '../assignment';
import { internalEvent } from '../machine/machine-builder';
import type { CaseSnapshot, WithdrawPoint } from './case-snapshot';
import type { Command } from './commands';
import { taskDef } from './compiled-definition';
import { sendEvent } from './machine-driver';
import { requireSeparation } from './separation-of-duties';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import { findTask, requireOperation, requireWorker } from './task-access';

type Cmd<T extends Command['type']> = Extract<Command, { type: T }>;

/** `return` (退回): send the case back to a declared earlier step, whose tasks open again. */
export function returnTask(work: StepWork, command: Cmd<'return'>): void {
  const task = findTask(work, command.taskId);
  requireSeparation(work, [task.stateId]);
  requireWorker(work, task);
  requireOperation(work, task, 'return');
  const targets = taskDef(work.compiled, task.stateId).returnTargets ?? [];
  if (!targets.includes(command.target)) {
    throw new StepError(
      'invalid-command',
      `Cannot return to '${command.target}'; allowed: ${targets.join(', ') || 'none'}`,
    );
  }
  if (!command.comment?.trim()) throw new StepError('invalid-command', 'A return needs a comment');
  record(work, { returned: task.id, from: task.stateId, to: command.target });
  const before = new Set(work.snap.tasks.map((t) => t.id));
  sendEvent(work, { type: internalEvent.returnTo(command.target), origin: task.stateId });
  const reopened = work.snap.tasks.filter((t) => !before.has(t.id));
  const reopenedIds = new Set(reopened.map((t) => t.id));
  work.effects = work.effects.filter(
    (e) => !(e.type === 'notify' && e.kind === 'task-assigned' && reopenedIds.has(e.taskId ?? '')),
  );
  for (const t of reopened) {
    const users = expandCandidates(t.candidates, work.opts.directory);
    work.effects.push({
      type: 'notify',
      users,
      kind: 'returned',
      taskId: t.id,
      dedupKey: `${t.id}:returned`,
    });
  }
}

/**
 * Remembers how the case stood before a completion, so its performer can withdraw it (撤回).
 * `snap` is the caller's input snapshot, which step never mutates, so no copy is needed.
 */
export function withdrawPoint(snap: CaseSnapshot): WithdrawPoint['prior'] {
  const { withdrawable: _w, version: _v, seq: _s, ...prior } = snap;
  return prior;
}

/** `withdraw` (撤回): the last performer takes back their completion while nobody has acted since. */
export function withdraw(work: StepWork, _command: Cmd<'withdraw'>): void {
  const point = work.snap.withdrawable;
  const user = work.opts.actor.username;
  if (!point)
    throw new StepError('not-enabled', 'Nothing to withdraw: the next step has already been acted on');
  if (point.actor !== user)
    throw new StepError('not-permitted', 'Only the person who completed the step may withdraw it');
  requireSeparation(work, [point.stateId]);
  const current = work.snap;
  const restored = new Set(point.prior.children.map((c) => c.id));
  for (const child of current.children) {
    if (!restored.has(child.id) && child.status === 'running') {
      work.effects.push({ type: 'cancelChild', childId: child.id });
    }
  }
  const removed = current.tasks.filter((t) => !point.prior.tasks.some((p) => p.id === t.id));
  for (const t of removed) {
    const users = t.assignee ? [t.assignee] : expandCandidates(t.candidates, work.opts.directory);
    if (users.length > 0) {
      work.effects.push({
        type: 'notify',
        users,
        kind: 'withdrawn',
        taskId: t.id,
        dedupKey: `${t.id}:withdrawn`,
      });
    }
  }
  work.snap = { ...structuredClone(point.prior), version: current.version, seq: current.seq };
  record(work, { withdrawn: point.taskId, stateId: point.stateId });
}
