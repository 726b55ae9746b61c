import { someRows } from './batch-rows';
import { Slot } from './statement-slot';
import { voteColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

const rows = new Slot('vote_rows');

/** A signer's ballot in a countersign, stamped with the command's time. */
export const voteRows: WritePart = {
  name: 'vote_rows',
  present: (writes) => someRows(writes, (c) => c.votes),
  cte: (lone) => (db) =>
    db
      .insertInto('votes')
      .columns(names(voteColumns))
      .expression(guardedRows(db, rows, voteColumns, lone)),
  bind: (writes, _lone, values) => {
    const votes = writes.flatMap((w) =>
      w.change.votes.map((v) => ({ ...v, instance_id: w.change.instance.id, at: w.change.audit.at })),
    );
    values.set(rows, recordsetRows(voteColumns, votes));
  },
};
