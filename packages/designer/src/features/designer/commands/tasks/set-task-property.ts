/**
 * `task.setTitle`, `task.setAssignee`, … (one per entry of TASK_FIELDS): the same handler sets the
 * property it is registered for; `undefined` removes an optional one, title and outcomes are required.
 */
import { stateAt, statePath } from '../../model/design-doc';
import type { DocHandler } from '../command-map';
import { putOrDelete } from '../doc-edits';
import { TASK_FIELDS, type TaskCommand, type TaskField } from './task-params';

const REQUIRED = new Set<TaskField>(['title', 'outcomes']);

function setTaskProperty<C extends TaskCommand>(field: TaskField): DocHandler<C> {
  return {
    canExecute(doc, { id, value }) {
      if (!stateAt(doc, id)?.task) return `'${id}' has no task`;
      return value === undefined && REQUIRED.has(field) ? `A task needs its ${field}` : undefined;
    },
    execute(ctx) {
      const { id, value } = ctx.params;
      const task = stateAt(ctx.doc, id)!.task!;
      putOrDelete(ctx, [...statePath(id), 'task', field], value, Object.hasOwn(task, field));
    },
  };
}

/** A handler for every task command. */
export const TASK_HANDLERS = Object.fromEntries(
  Object.entries(TASK_FIELDS).map(([command, field]) => [command, setTaskProperty(field)]),
) as { [C in TaskCommand]: DocHandler<C> };
