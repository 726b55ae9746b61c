import { pairs, someRows, tagged } from './batch-rows';
import { Slot, slotsOf } from './statement-slot';
import { timerColumns } from './table-columns';
import type { WritePart } from './write-part';
import { anyGuardedId, caseIdColumn, guardedRows, names, recordsetRows } from './write-sources';

const removed = slotsOf('removed_timers', { id: timerColumns.id, ...caseIdColumn });
const rows = new Slot('new_timers');

/** Timers of states the case has left. */
export const removedTimers: WritePart = {
  name: 'removed_timers',
  present: (writes) => someRows(writes, (c) => c.removedTimers),
  cte: (lone) => (db) =>
    db.deleteFrom('timers').where('id', '=', anyGuardedId(removed, timerColumns.id, lone)),
  bind: (writes, _lone, values) => {
    const { values: ids, cases } = pairs(writes, (c) => c.removedTimers);
    values.set(removed.id, ids);
    values.set(removed.instance_id, cases);
  },
};

/** Timers of states the case has entered (the timer worker fires them when due). */
export const newTimers: WritePart = {
  name: 'new_timers',
  present: (writes) => someRows(writes, (c) => c.newTimers),
  cte: (lone) => (db) =>
    db
      .insertInto('timers')
      .columns(names(timerColumns))
      .expression(guardedRows(db, rows, timerColumns, lone)),
  bind: (writes, _lone, values) => {
    values.set(
      rows,
      recordsetRows(
        timerColumns,
        tagged(writes, (c) => c.newTimers),
      ),
    );
  },
};
