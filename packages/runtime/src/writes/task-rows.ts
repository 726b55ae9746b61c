import { recordsetPart } from './part-shapes';
import { taskColumns } from './table-columns';

/**
 * New, changed and closed tasks in ONE upsert (one modifying node fewer to start than an insert
 * plus an update); an existing id (changed, closed, reopened by 撤回) is updated.
 */
export const taskRows = recordsetPart({
  name: 'task_rows',
  table: 'tasks',
  columns: taskColumns,
  rowsOf: (w) => w.change.tasks,
  onConflict: (oc) =>
    oc.column('id').doUpdateSet((eb) => ({
      status: eb.ref('excluded.status'),
      assignee: eb.ref('excluded.assignee'),
      due_at: eb.ref('excluded.due_at'),
      urged: eb.ref('excluded.urged'),
      ended_at: eb.ref('excluded.ended_at'),
      ended_by: eb.ref('excluded.ended_by'),
      outcome: eb.ref('excluded.outcome'),
      origin: eb.ref('excluded.origin'),
      case_title: eb.ref('excluded.case_title'),
      search: eb.ref('excluded.search'),
    })),
});
