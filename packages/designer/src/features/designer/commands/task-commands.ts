/**
 * Commands on a state's user task, one per property (`task.setAssignee`, `task.setOutcomes`, …);
 * `undefined` removes an optional property. Renaming an outcome moves its `on` transition along.
 */
import type { OutcomeDef, UserTaskDef } from '@flowform/engine/browser';
import { stateAt, statePath } from '../model/design-doc';
import { type DocStack, putOrDelete } from './command-types';

/** Command name → task property it sets. */
export const TASK_FIELDS = {
  'task.setTitle': 'title',
  'task.setForm': 'form',
  'task.setAssignee': 'assignment',
  'task.setOnEmpty': 'onEmpty',
  'task.setOutcomes': 'outcomes',
  'task.setDue': 'due',
  'task.setReminders': 'reminders',
  'task.setEscalation': 'escalation',
  'task.setVoting': 'voting',
  'task.setOperations': 'operations',
  'task.setFieldPermissions': 'fieldPermissions',
  'task.setReturnTargets': 'returnTargets',
  'task.setCc': 'cc',
} as const satisfies Record<string, keyof UserTaskDef>;

export interface TaskParams {
  id: string;
  value: unknown;
}

const REQUIRED = new Set(['title', 'outcomes']);

export function registerTaskCommands(stack: DocStack): void {
  for (const [command, field] of Object.entries(TASK_FIELDS)) {
    stack.register<TaskParams>(command, {
      canExecute(doc, { id, value }) {
        if (!stateAt(doc, id)?.task) return `'${id}' has no task`;
        return value === undefined && REQUIRED.has(field) ? `A task needs its ${field}` : undefined;
      },
      execute(ctx) {
        const { id, value } = ctx.params;
        const task = stateAt(ctx.doc, id)!.task! as unknown as Record<string, unknown>;
        putOrDelete(ctx, [...statePath(id), 'task', field], value, Object.hasOwn(task, field));
      },
    });
  }

  // behaviour: an outcome renamed in place takes its `on` transition with it
  stack.on<TaskParams>('task.setOutcomes', 'pre', (ctx) => {
    const { id, value } = ctx.params;
    const state = stateAt(ctx.doc, id)!;
    const before = state.task!.outcomes;
    const after = (value ?? []) as OutcomeDef[];
    const on = state.on ?? {};
    const renames = before
      .map((o, i) => [o.event ?? o.key, after[i] ? (after[i]!.event ?? after[i]!.key) : undefined] as const)
      .filter(([from, to]) => to && from !== to && Object.hasOwn(on, from) && !Object.hasOwn(on, to));
    const taken = new Set(Object.keys(on));
    for (const [from, to] of renames) {
      if (taken.has(to!)) continue;
      ctx.apply({ op: 'rename', path: [...statePath(id), 'on', from], to: to! });
      taken.delete(from);
      taken.add(to!);
    }
  });
}
