import { pairs, someRows, tagged } from './batch-rows';
import { Slot, slotsOf } from './statement-slot';
import { candidateColumns } from './table-columns';
import type { WritePart } from './write-part';
import { anyGuardedId, caseIdColumn, guardedRows, names, recordsetRows } from './write-sources';

const reset = slotsOf('reset_candidates', { id: candidateColumns.task_id, ...caseIdColumn });
const rows = new Slot('new_candidates');

/** The offered-to rows of tasks closed, claimed, transferred…: deleted before the new ones go in. */
export const resetCandidates: WritePart = {
  name: 'reset_candidates',
  present: (writes) => someRows(writes, (c) => c.resetCandidates),
  cte: (lone) => (db) =>
    db
      .deleteFrom('task_candidates')
      .where('task_id', '=', anyGuardedId(reset, candidateColumns.task_id, lone)),
  bind: (writes, _lone, values) => {
    const { values: ids, cases } = pairs(writes, (c) => c.resetCandidates);
    values.set(reset.id, ids);
    values.set(reset.instance_id, cases);
  },
};

/** Who a task is offered to while nobody holds it (the role and user inboxes read these). */
export const newCandidates: WritePart = {
  name: 'new_candidates',
  present: (writes) => someRows(writes, (c) => c.newCandidates),
  cte: (lone) => (db) =>
    db
      .insertInto('task_candidates')
      .columns(names(candidateColumns))
      .expression(guardedRows(db, rows, candidateColumns, lone)),
  bind: (writes, _lone, values) => {
    values.set(
      rows,
      recordsetRows(
        candidateColumns,
        tagged(writes, (c) => c.newCandidates),
      ),
    );
  },
};
