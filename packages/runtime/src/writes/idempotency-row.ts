import { recordsetPart } from './part-shapes';
import { idempotencyColumns } from './table-columns';

/** The command's result under its idempotency key: a retry with the key returns it, writing nothing. */
export const idempotencyRow = recordsetPart({
  name: 'idem',
  table: 'idempotency_keys',
  columns: idempotencyColumns,
  rowsOf: (w) => (w.idempotency ? [{ ...w.idempotency, created_at: w.change.audit.at }] : []),
});
