import { expandCandidates } from '../assignment';
import type { Command } from './commands';
import { record, type StepWork } from './step-context';
import { StepError } from './step-error';
import { findTask } from './task-access';

/**
 * `reassign` (system only): after a directory change the task goes to the people its rule now
 * names, or back to the pool when its holder can no longer act on it. The command carries the new
 * people, so replay never depends on the directory of the day.
 */
export function reassign(work: StepWork, command: Extract<Command, { type: 'reassign' }>): void {
  if (!work.opts.actor.system) throw new StepError('not-permitted', 'Only the system reassigns tasks');
  const task = findTask(work, command.taskId);
  record(work, {
    reassigned: task.id,
    from: { assignee: task.assignee ?? null, candidates: task.candidates },
    to: { assignee: command.assignee ?? null, candidates: command.candidates },
  });
  task.candidates = command.candidates;
  task.assignee = command.assignee;
  const users = command.assignee
    ? [command.assignee]
    : expandCandidates(command.candidates, work.opts.directory);
  if (users.length > 0) {
    work.effects.push({
      type: 'notify',
      users,
      kind: 'task-assigned',
      taskId: task.id,
      dedupKey: `${task.id}:v${work.snap.version}:reassign`,
    });
  }
}
