import type { ProcessDefinition, UserTaskDef } from '../definition/definition-types';
import type { StateIndex } from '../machine/state-index';
import { type LintRun, type ProblemList, statePointer } from './lint-types';

/**
 * A case field written by two steps (two tasks' forms, or the start form and a task) must be
 * declared in `sharedFields` by each task that writes it: the later step then edits a copy of the
 * earlier value, and both submissions stay visible in the step records. Undeclared, the later
 * step would silently overwrite the earlier one's value (`field-written-twice`, a warning).
 */
export function checkFieldSharing(
  def: ProcessDefinition,
  index: StateIndex,
  ctx: LintRun,
  problems: ProblemList,
): void {
  const writers = new Map<string, string[]>();
  const add = (field: string, writer: string) => writers.set(field, [...(writers.get(field) ?? []), writer]);
  const startForm = def.startForm ? ctx.forms[def.startForm] : undefined;
  for (const field of propertiesOf(startForm?.schema)) add(field, 'start');
  const tasks: [string, UserTaskDef][] = [];
  for (const [id, entry] of index) {
    const task = entry.def.task;
    if (!task?.form || task.responses) continue;
    tasks.push([id, task]);
    for (const field of writtenFields(task, ctx)) add(field, id);
  }
  for (const [id, task] of tasks) {
    const shared = new Set(task.sharedFields ?? []);
    for (const field of writtenFields(task, ctx)) {
      const others = (writers.get(field) ?? []).filter((w) => w !== id);
      if (others.length === 0 || shared.has(field)) continue;
      problems.warn(
        'field-written-twice',
        `${statePointer(id)}/task`,
        `Field '${field}' is also written by ${others.map((o) => (o === 'start' ? 'the start form' : `'${o}'`)).join(', ')}: this step overwrites it`,
        `List '${field}' in this task's sharedFields (the step edits a copy and both submissions stay visible), or give it its own field`,
      );
    }
  }
}

/** The fields a task's form writes: its properties, less those the task makes read-only or hidden. */
function writtenFields(task: UserTaskDef, ctx: LintRun): string[] {
  const form = task.form ? ctx.forms[task.form] : undefined;
  const permissions = task.fieldPermissions ?? {};
  return propertiesOf(form?.schema).filter(
    (f) => permissions[f] !== 'readOnly' && permissions[f] !== 'hidden',
  );
}

function propertiesOf(schema: unknown): string[] {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}
