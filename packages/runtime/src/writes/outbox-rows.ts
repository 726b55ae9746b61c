import { recordsetPart } from './part-shapes';
import { outboxColumns } from './table-columns';

/**
 * The command's effects, delivered after commit by the outbox worker; a dedup key is written once.
 * Created and first due at the statement's time (`now()`): delivery runs on the database's clock.
 */
export const outboxRows = recordsetPart({
  name: 'outbox_rows',
  table: 'outbox',
  columns: outboxColumns,
  now: ['created_at', 'next_attempt_at'],
  rowsOf: (w) => w.change.outbox,
  onConflict: (oc) => oc.column('dedup_key').doNothing(),
});
