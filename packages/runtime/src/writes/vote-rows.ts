import { recordsetPart } from './part-shapes';
import { voteColumns } from './table-columns';

/** A signer's ballot in a countersign, stamped with the command's time. */
export const voteRows = recordsetPart({
  name: 'vote_rows',
  table: 'votes',
  columns: voteColumns,
  rowsOf: (w) => w.change.votes.map((v) => ({ ...v, at: w.change.audit.at })),
});
