import { idListDelete, recordsetPart } from './part-shapes';
import { candidateColumns } from './table-columns';

/** The offered-to rows of tasks closed, claimed, transferred…: deleted before the new ones go in. */
export const resetCandidates = idListDelete({
  name: 'reset_candidates',
  table: 'task_candidates',
  column: 'task_id',
  idType: candidateColumns.task_id,
  idsOf: (c) => c.resetCandidates,
});

/** Who a task is offered to while nobody holds it (the role and user inboxes read these). */
export const newCandidates = recordsetPart({
  name: 'new_candidates',
  table: 'task_candidates',
  columns: candidateColumns,
  rowsOf: (w) => w.change.newCandidates,
});
