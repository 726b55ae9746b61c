/** Who may work an open task right now: the engine's own rule, for inboxes outside a step. */
import { canWorkTask, type Directory, expandCandidates, type TaskRecord } from '@flowform/engine';

/** Its holder (single assignee, claimant or delegate), or any current candidate of an unclaimed task. */
export const mayWork = (task: TaskRecord, username: string, directory: Directory): boolean =>
  canWorkTask(task, username, directory);

/** Everyone who may work the task now, sorted. */
export function holders(task: TaskRecord, directory: Directory): string[] {
  const people = task.assignee ? [task.assignee] : expandCandidates(task.candidates, directory);
  return people.filter((u) => canWorkTask(task, u, directory)).sort();
}
