import { someRows, tagged } from './batch-rows';
import { Slot } from './statement-slot';
import { taskColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

const rows = new Slot('task_rows');

/**
 * New, changed and closed tasks in ONE upsert (one modifying node fewer to start than an insert
 * plus an update); an existing id (changed, closed, reopened by 撤回) is updated.
 */
export const taskRows: WritePart = {
  name: 'task_rows',
  present: (writes) => someRows(writes, (c) => c.tasks),
  cte: (lone) => (db) =>
    db
      .insertInto('tasks')
      .columns(names(taskColumns))
      .expression(guardedRows(db, rows, taskColumns, lone))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          assignee: eb.ref('excluded.assignee'),
          due_at: eb.ref('excluded.due_at'),
          urged: eb.ref('excluded.urged'),
          ended_at: eb.ref('excluded.ended_at'),
          ended_by: eb.ref('excluded.ended_by'),
          outcome: eb.ref('excluded.outcome'),
        })),
      ),
  bind: (writes, _lone, values) => {
    values.set(
      rows,
      recordsetRows(
        taskColumns,
        tagged(writes, (c) => c.tasks),
      ),
    );
  },
};
