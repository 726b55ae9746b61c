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

/**
 * Makes `runtime`'s next writes of the cases in `order` wait until all of them have arrived, then
 * hands them to its batcher in that order: a round of racing commands then forms the same
 * statements however the event loop interleaved their reads (the first ones take the free slots
 * alone, the rest share). Call after installSlippingWriter, once per round.
 */
export function gatherNextWrites(runtime: CaseRuntime, order: string[]): void {
  const holder = runtime as unknown as { batcher: WriteBatcher };
  const batcher = holder.batcher;
  const held = new Map<string, () => void>();
  const waiting = new Map<string, Promise<boolean>>();
  const write = (w: CaseWrite): Promise<boolean> => {
    const id = w.change.instance.id;
    if (!order.includes(id) || waiting.has(id)) return batcher.write(w);
    const result = new Promise<boolean>((resolve, reject) =>
      held.set(id, () => batcher.write(w).then(resolve, reject)),
    );
    waiting.set(id, result);
    if (held.size === order.length) {
      holder.batcher = batcher;
      for (const caseId of order) held.get(caseId)!();
    }
    return result;
  };
  holder.batcher = Object.assign(Object.create(batcher) as WriteBatcher, { write });
}

function withUnstorableComment(write: CaseWrite): CaseWrite {
  const comment = write.change.comment!;
  return { ...write, change: { ...write.change, comment: { ...comment, text: `a\u0000b ${comment.text}` } } };
}
