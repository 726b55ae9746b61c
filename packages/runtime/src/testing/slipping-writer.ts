import type { Kysely } from 'kysely';
import type { CaseRuntime } from '../case-runtime';
import type { CaseWrite } from '../case-write';
import type { Database } from '../database/db-schema';
import { WriteBatcher } from '../write-batcher';
import { writeChangeSets } from '../writes/write-statement';

/**
 * A comment text the writer below turns into one PostgreSQL refuses (`a\0b`) on its way into the
 * statement: text that slipped past the runtime's guard, to see what a shared write does with it.
 */
export const SLIP_MARK = 'slip:';

/** One statement the batcher sent: the cases it wrote, and which of them carried slipped text. */
export interface SentStatement {
  cases: string[];
  slipped: string[];
}

/**
 * Gives `runtime` a batcher of `writeConcurrency` slots whose statements are logged and whose
 * comments marked with SLIP_MARK reach the database as U+0000 (below the guard, as if it had missed
 * them). Returns the log of statements, in the order they were sent.
 */
export function installSlippingWriter(
  runtime: CaseRuntime,
  db: Kysely<Database>,
  writeConcurrency: number,
): SentStatement[] {
  const sent: SentStatement[] = [];
  const writer = (writes: CaseWrite[]) => {
    const slipped = writes.filter((w) => w.change.comment?.text.startsWith(SLIP_MARK));
    sent.push({
      cases: writes.map((w) => w.change.instance.id),
      slipped: slipped.map((w) => w.change.instance.id),
    });
    return writeChangeSets(
      db,
      writes.map((w) => (slipped.includes(w) ? withUnstorableComment(w) : w)),
    );
  };
  (runtime as unknown as { batcher: WriteBatcher }).batcher = new WriteBatcher(writer, writeConcurrency);
  return sent;
}

function withUnstorableComment(write: CaseWrite): CaseWrite {
  const comment = write.change.comment!;
  return { ...write, change: { ...write.change, comment: { ...comment, text: `a\u0000b ${comment.text}` } } };
}
