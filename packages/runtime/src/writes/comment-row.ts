import type { CaseWrite } from '../case-write';
import { Slot } from './statement-slot';
import { commentColumns } from './table-columns';
import type { WritePart } from './write-part';
import { guardedRows, names, recordsetRows } from './write-sources';

const rows = new Slot('comment_rows');

/** A command's comment, by its actor at its time. */
export const commentRow: WritePart = {
  name: 'comment_rows',
  present: (writes) => writes.some((w) => w.change.comment !== null),
  cte: (lone) => (db) =>
    db
      .insertInto('comments')
      .columns(names(commentColumns))
      .expression(guardedRows(db, rows, commentColumns, lone)),
  bind: (writes, _lone, values) => {
    values.set(rows, recordsetRows(commentColumns, writes.flatMap(commentOf)));
  },
};

function commentOf(w: CaseWrite) {
  const { change } = w;
  return change.comment
    ? [
        {
          ...change.comment,
          instance_id: change.instance.id,
          author: change.audit.actor,
          at: change.audit.at,
        },
      ]
    : [];
}
