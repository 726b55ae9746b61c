import { placeholder, Slot, scalar, slotsOf } from './statement-slot';
import { auditColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

const scalars = slotsOf('audit', auditColumns);
const rows = new Slot('audit');

/**
 * Every command's audit row (the next link of its case's hash chain). A write alone selects its
 * row's scalar parameters from the head (no head row, no audit row); a shared statement reads the
 * rows from a recordset, each guarded by its case.
 */
export const auditRow: WritePart = {
  name: 'audit',
  present: () => true,
  cte: (lone) => (db) =>
    db
      .insertInto('audit_log')
      .columns(names(auditColumns))
      .expression(
        lone
          ? db
              .selectFrom('head')
              .select(
                names(auditColumns).map((name) => placeholder(scalars[name], auditColumns[name]).as(name)),
              )
          : guardedRows(db, rows, auditColumns, lone),
      ),
  bind: (writes, lone, values) => {
    if (!lone) {
      values.set(
        rows,
        recordsetRows(
          auditColumns,
          writes.map((w) => w.change.audit),
        ),
      );
      return;
    }
    const audit = writes[0]!.change.audit;
    for (const name of names(auditColumns))
      values.set(scalars[name], scalar(audit[name], auditColumns[name]));
  },
};
