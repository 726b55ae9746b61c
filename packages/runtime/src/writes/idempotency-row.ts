import type { CaseWrite } from '../case-write';
import { Slot } from './statement-slot';
import { idempotencyColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

const rows = new Slot('idem');

/** The command's result under its idempotency key: a retry with the key returns it, writing nothing. */
export const idempotencyRow: WritePart = {
  name: 'idem',
  present: (writes) => writes.some((w) => w.idempotency !== undefined),
  cte: (lone) => (db) =>
    db
      .insertInto('idempotency_keys')
      .columns(names(idempotencyColumns))
      .expression(guardedRows(db, rows, idempotencyColumns, lone)),
  bind: (writes, _lone, values) => {
    values.set(rows, recordsetRows(idempotencyColumns, writes.flatMap(keyOf)));
  },
};

function keyOf(w: CaseWrite) {
  return w.idempotency
    ? [{ ...w.idempotency, instance_id: w.change.instance.id, created_at: w.change.audit.at }]
    : [];
}
