import { idListDelete, recordsetPart } from './part-shapes';
import { timerColumns } from './table-columns';

/** Timers of states the case has left. */
export const removedTimers = idListDelete({
  name: 'removed_timers',
  table: 'timers',
  column: 'id',
  idType: timerColumns.id,
  idsOf: (c) => c.removedTimers,
});

/** Timers of states the case has entered (the timer worker fires them when due). */
export const newTimers = recordsetPart({
  name: 'new_timers',
  table: 'timers',
  columns: timerColumns,
  rowsOf: (w) => w.change.newTimers,
});
