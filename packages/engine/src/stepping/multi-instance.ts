import type { UserTaskDef } from '../definition/definition-types';
import type { TaskRecord } from './case-snapshot';
import { taskDef } from './compiled-definition';
import { celVars, type StepWork } from './step-context';
import { StepError } from './step-error';

/** 多实例: the elements of `multiInstance.forEach`, one group of tasks each. */
export function instanceItems(work: StepWork, def: UserTaskDef): unknown[] {
  const value = work.compiled.cel.compile(def.multiInstance!.forEach).evaluate(celVars(work));
  return Array.isArray(value) ? value : [value];
}

/** The people an element's task goes to: `multiInstance.assignee` over the item, else `everyone`. */
export function instancePeople(
  work: StepWork,
  def: UserTaskDef,
  item: unknown,
  everyone: string[],
): string[] {
  const spec = def.multiInstance!;
  if (!spec.assignee) return everyone;
  const cel = work.compiled.cel.forEachItem(spec.forEach);
  const who = cel.compile(spec.assignee).evaluate(celVars(work, { item }));
  const list = Array.isArray(who) ? who : [who];
  // Only active people of the directory get work, as with any assignment.
  const active = (u: unknown): u is string =>
    typeof u === 'string' && work.opts.directory.user(u)?.disabled === false;
  return [...new Set(list.filter(active))];
}

/** True while other instances of the task's state are still open (the state waits for them). */
export function instancesOutstanding(work: StepWork, stateId: string): boolean {
  return work.snap.tasks.some((t) => t.stateId === stateId);
}

/**
 * Refuses `user` performing (claiming, being handed, completing) an instance the separation rule
 * keeps them from: the rater scored is never the rater.
 */
export function refuseSeparatedPerformer(work: StepWork, task: TaskRecord, user: string): void {
  if (task.item === undefined) return;
  const def = taskDef(work.compiled, task.stateId);
  if (excludedPerformer(work, def, task.item) !== user) return;
  throw new StepError(
    'not-permitted',
    work.opts.locale === 'en'
      ? `User '${user}' may not perform this task: it concerns them (separation rule)`
      : `「${user}」不能办理此任务：任务对象是本人（回避规则）`,
    { separation: user },
  );
}

/** Who may not perform an element's task (`notPerformedBy`, with `item` typed as a `forEach` element). */
export function excludedPerformer(work: StepWork, def: UserTaskDef, item: unknown): string | undefined {
  const spec = def.multiInstance;
  if (!spec?.notPerformedBy) return undefined;
  const cel = work.compiled.cel.forEachItem(spec.forEach);
  const who = cel.compile(spec.notPerformedBy).evaluate(celVars(work, { item }));
  return typeof who === 'string' ? who : undefined;
}
