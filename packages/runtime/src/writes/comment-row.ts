import { recordsetPart } from './part-shapes';
import { commentColumns } from './table-columns';

/** A command's comment, by its actor at its time. */
export const commentRow = recordsetPart({
  name: 'comment_rows',
  table: 'comments',
  columns: commentColumns,
  rowsOf: ({ change }) =>
    change.comment ? [{ ...change.comment, author: change.audit.actor, at: change.audit.at }] : [],
});
