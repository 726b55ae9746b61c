import { sql } from 'kysely';
import { someRows, tagged } from './batch-rows';
import { Slot } from './statement-slot';
import { outboxColumns } from './table-columns';
import type { WritePart } from './write-part';
import { fromSource, guard, names, recordset, recordsetRows, without } from './write-sources';

const rows = new Slot('outbox_rows');
/** Created and first due at the statement's time, not the command's: delivery runs on the clock of the database. */
const stamped = ['created_at', 'next_attempt_at'] as const;
const sent = without(outboxColumns, stamped);

/** The command's effects, delivered after commit by the outbox worker; a dedup key is written once. */
export const outboxRows: WritePart = {
  name: 'outbox_rows',
  present: (writes) => someRows(writes, (c) => c.outbox),
  cte: (lone) => (db) =>
    db
      .insertInto('outbox')
      .columns([...names(sent), ...stamped])
      .expression(
        db
          .selectFrom(recordset(rows, sent))
          .select([...fromSource(sent), ...stamped.map((name) => sql<Date>`now()`.as(name))])
          .where(guard(lone)),
      )
      .onConflict((oc) => oc.column('dedup_key').doNothing()),
  bind: (writes, _lone, values) => {
    values.set(
      rows,
      recordsetRows(
        sent,
        tagged(writes, (c) => c.outbox),
      ),
    );
  },
};
