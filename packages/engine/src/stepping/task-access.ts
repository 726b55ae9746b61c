import { canActOn, type Directory } from '../assignment';
import type { LocalizedText, TaskOperation } from '../definition/definition-types';
import { personError } from '../forms';
import type { TaskRecord } from './case-snapshot';
import { taskDef } from './compiled-definition';
import type { StepWork } from './step-context';
import { invalidReference } from './form-submission';
import { StepError } from './step-error';

/** The open task a command names: `stale` if it was open once, `not-found` if it never was. */
export function findTask(work: StepWork, taskId: string): TaskRecord {
  const task = work.snap.tasks.find((t) => t.id === taskId);
  if (task) return task;
  const prefix = `${work.snap.instanceId}:t`;
  const seq = taskId.startsWith(prefix) ? Number(taskId.slice(prefix.length)) : Number.NaN;
  if (Number.isInteger(seq) && seq > 0 && seq <= work.snap.seq) {
    throw new StepError('stale', `Task '${taskId}' is no longer open`);
  }
  throw new StepError('not-found', `No task '${taskId}' in this case`);
}

/** True when the user may work the task now: its holder (still entitled), or a current candidate of an unclaimed task. */
export function canWorkTask(task: TaskRecord, username: string, directory: Directory): boolean {
  if (directory.user(username)?.disabled) return false;
  if (task.assignee) {
    if (task.assignee !== username) return false;
    return (
      task.candidates.roles.length === 0 ||
      task.delegatedBy !== undefined ||
      canActOn(username, task.candidates, directory)
    );
  }
  return canActOn(username, task.candidates, directory);
}

/** `canWorkTask` against the step's directory. */
export function mayWork(work: StepWork, task: TaskRecord, username: string): boolean {
  return canWorkTask(task, username, work.opts.directory);
}

/** Refuses the command unless the actor may work the task. */
export function requireWorker(work: StepWork, task: TaskRecord): void {
  if (work.opts.actor.system) return;
  if (!mayWork(work, task, work.opts.actor.username)) {
    throw new StepError(
      'not-permitted',
      `User '${work.opts.actor.username}' may not act on task '${task.id}'`,
    );
  }
}

/** Refuses an operation the task's definition does not allow. */
export function requireOperation(work: StepWork, task: TaskRecord, op: TaskOperation): void {
  const allowed = taskDef(work.compiled, task.stateId).operations ?? [];
  if (!allowed.includes(op))
    throw new StepError('not-enabled', `Operation '${op}' is not allowed on this task`);
}

/** People involved in the case: initiator, performers, current task holders and candidates, CC'd users. */
export function isParticipant(work: StepWork, username: string): boolean {
  const snap = work.snap;
  if (snap.initiator === username) return true;
  if (Object.values(snap.performers).some((users) => users.includes(username))) return true;
  if (snap.cc.some((c) => c.user === username)) return true;
  return snap.tasks.some((t) => mayWork(work, t, username) || t.delegatedBy === username);
}

/** What a command's people field is called in a refusal: the one person (`to`) or the list (`users`). */
export type PeopleField = { field: 'to'; label: LocalizedText } | { field: 'users'; label: LocalizedText };

/**
 * Checks that every name is an active user of the directory; else `invalid-reference` with the
 * path of each bad one in the command (`/to`, `/users/1`), worded in the step's locale. Not in a
 * replay (see `StepOptions.replay`).
 */
export function requireActiveUsers(work: StepWork, names: readonly string[], at: PeopleField): void {
  const { locale, directory, replay } = work.opts;
  if (replay) return;
  const quoted = (text: string) => (locale === 'en' ? `"${text}"` : `「${text}」`);
  const label = quoted(at.label[locale]);
  const errors = names.flatMap((name, i) => {
    const path = at.field === 'to' ? '/to' : `/users/${i}`;
    const row =
      at.field === 'to' ? label : locale === 'en' ? `${label} item ${i + 1}` : `${label}第 ${i + 1} 项`;
    return personError(directory, name, path, row, locale) ?? [];
  });
  if (errors.length > 0) throw invalidReference(errors);
}
