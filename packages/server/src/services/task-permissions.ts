import { canActOn, canWorkTask, type Directory, exclusionOf, type TaskRecord } from '@flowform/engine';
import type { VisibleCase } from './case-access';

/** What a viewer may do with an open task, as the API lists it (`operations`). */
export type ApiOperation =
  | 'claim'
  | 'unclaim'
  | 'complete'
  | 'transfer'
  | 'delegate'
  | 'addSigner'
  | 'removeSigner'
  | 'return'
  | 'cc'
  | 'urge'
  | 'comment';

/** The engine's rule: the holder (still entitled), or a candidate of an unclaimed task. */
export const canWork = canWorkTask;

/**
 * The operations the viewer may perform on the task now (the engine still has the last word). A
 * person the task's exclusions keep off it (separation of duties) may only comment and urge.
 */
export function operationsFor(
  found: VisibleCase,
  task: TaskRecord,
  username: string,
  directory: Directory,
): ApiOperation[] {
  const def = found.compiled.index.get(task.stateId)?.def.task;
  if (!def) return [];
  const declared = new Set(def.operations ?? []);
  const ops: ApiOperation[] = [];
  const offered = task.candidates.roles.length > 0 || task.candidates.users.length > 1;
  const participant = found.visibility === 'participant' || found.visibility === 'candidate';
  const excluded = exclusionOf(found.snapshot, def, username) !== undefined;
  if (!excluded && !task.assignee && canActOn(username, task.candidates, directory)) ops.push('claim');
  if (task.assignee === username && offered && !task.delegatedBy) ops.push('unclaim');
  if (!excluded && canWork(task, username, directory)) {
    ops.push('complete');
    for (const op of ['transfer', 'delegate', 'return', 'cc'] as const) if (declared.has(op)) ops.push(op);
    if (def.voting)
      for (const op of ['addSigner', 'removeSigner'] as const) if (declared.has(op)) ops.push(op);
  }
  if (declared.has('urge') && participant) ops.push('urge');
  if (participant) ops.push('comment');
  return ops;
}
