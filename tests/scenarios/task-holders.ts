/** Who may work an open task right now: the engine's rule, restated for inboxes outside a step. */
import { canActOn, type Directory, expandCandidates, type TaskRecord } from '@flowform/engine';

/** Its holder (single assignee, claimant or delegate), or any current candidate of an unclaimed task. */
export function mayWork(task: TaskRecord, username: string, directory: Directory): boolean {
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

/** Everyone who may work the task now, sorted. */
export function holders(task: TaskRecord, directory: Directory): string[] {
  const people = task.assignee ? [task.assignee] : expandCandidates(task.candidates, directory);
  return people.filter((u) => mayWork(task, u, directory)).sort();
}
