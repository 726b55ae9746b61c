import { someRows, tagged } from './batch-rows';
import { Slot } from './statement-slot';
import { ccColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

const rows = new Slot('cc_rows');

/** People newly copied on a case (once each: a repeated CC is ignored). */
export const ccRows: WritePart = {
  name: 'cc_rows',
  present: (writes) => someRows(writes, (c) => c.cc),
  cte: (lone) => (db) =>
    db
      .insertInto('cc_entries')
      .columns(names(ccColumns))
      .expression(guardedRows(db, rows, ccColumns, lone))
      .onConflict((oc) => oc.doNothing()),
  bind: (writes, _lone, values) => {
    values.set(
      rows,
      recordsetRows(
        ccColumns,
        tagged(writes, (c) => c.cc),
      ),
    );
  },
};
