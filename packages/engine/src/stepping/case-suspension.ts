import type { Command, CommandType } from './commands';
import type { CaseSnapshot } from './case-snapshot';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';

/**
 * What a suspended case still hears: the administrator's `resume` and `cancel`, comments, a child's
 * end (its news is not lost; the flow it moves stays held), the directory following its people,
 * and a migration. Every task operation and every timer is refused with `case-suspended`.
 */
const WHILE_SUSPENDED = new Set<CommandType>([
  'resume',
  'cancel',
  'comment',
  'childDone',
  'reassign',
  'migrate',
]);

/** Refuses a command a suspended case does not take (see WHILE_SUSPENDED). */
export function checkNotSuspended(snap: CaseSnapshot, command: Command): void {
  const suspension = snap.suspension;
  if (!suspension || WHILE_SUSPENDED.has(command.type)) return;
  throw new StepError('case-suspended', `The case is suspended by '${suspension.by}': ${suspension.reason}`, {
    ...suspension,
  });
}

/**
 * `suspend`: an administrator holds a running case with a reason. Open tasks stay where they are
 * but refuse work; the case's timers wait (the runtime keeps none of them due) until `resume`.
 */
export function suspendCase(work: StepWork, command: Extract<Command, { type: 'suspend' }>): void {
  const reason = requireAdmin(work, command.reason, 'suspend');
  if (work.snap.suspension)
    throw new StepError('case-suspended', 'The case is already suspended', { ...work.snap.suspension });
  work.snap.suspension = { by: work.opts.actor.username, at: work.opts.now, reason };
  record(work, { suspended: true, reason });
}

/**
 * `resume`: an administrator lets a suspended case go on, with a reason. Its timers are due again
 * at their own times: those that fell due while it was held fire at once (as a suspended
 * Camunda process instance's jobs run after activation).
 */
export function resumeCase(work: StepWork, command: Extract<Command, { type: 'resume' }>): void {
  const reason = requireAdmin(work, command.reason, 'resume');
  const held = work.snap.suspension;
  if (!held) throw new StepError('stale', 'The case is not suspended');
  work.snap.suspension = undefined;
  record(work, { resumed: true, reason, suspendedAt: held.at, suspendedBy: held.by });
}

function requireAdmin(work: StepWork, reason: string | undefined, what: string): string {
  const { actor, directory } = work.opts;
  if (actor.system || !directory.administrators().includes(actor.username))
    throw new StepError('not-permitted', `Only an administrator may ${what} a case`);
  const text = reason?.trim();
  if (!text) throw new StepError('invalid-command', `To ${what} a case needs a reason`);
  return text;
}
