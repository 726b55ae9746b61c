import type { CaseWrite } from './case-write';

/** Writes one statement's worth of commands; resolves with the ids of the cases written. */
export type StatementWriter = (writes: CaseWrite[]) => Promise<Set<string>>;

interface Pending {
  write: CaseWrite;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
}

/** PostgreSQL error codes after which a statement is known to have written nothing. */
const NOTHING_WRITTEN = new Set(['23505', '40P01', '40001']);

/** True if the statement failed in a way that guarantees it wrote nothing (unique key, deadlock). */
export function wroteNothing(error: unknown): boolean {
  return NOTHING_WRITTEN.has((error as { code?: string } | null)?.code ?? '');
}

/**
 * Group commit for case writes. At most `maxInFlight` write statements run at once; a command
 * arriving while they are busy waits, and all that waited go together in the next statement. Under
 * light load every command is written at once and alone; under heavy load the server's fixed cost
 * per statement (round trip, executor start-up, commit) is shared by the commands of a batch, the
 * way PostgreSQL's own group commit shares a WAL flush. Each command stays atomic: its rows are all
 * guarded by its own case row. Two writes of one case never share a statement (the second waits),
 * and if a shared statement fails in a way that wrote nothing (a duplicate idempotency key, a
 * deadlock), each of its commands is written again alone, so one command cannot fail another. Any
 * other failure may have committed, so it is reported to every command of the statement, as it
 * would be to a command written alone.
 */
export class WriteBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  /** Writes in the statements in flight. */
  private writing = 0;

  constructor(
    private readonly writer: StatementWriter,
    private readonly maxInFlight: number,
    private readonly maxBatch = 64,
  ) {
    // Zero (or NaN) slots would queue every write for ever.
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1)
      throw new RangeError(`writeConcurrency must be a whole number of at least 1, got ${maxInFlight}`);
  }

  /** Writes one command's rows; true if its case row was written (false: it lost its race). */
  write(write: CaseWrite): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      // Statements of even size (all writes, waiting or in flight, over the slots) keep the
      // database and this process working side by side rather than in turns; a lone write that
      // happens to free a slot does not stay alone for ever.
      const size = Math.ceil((this.queue.length + this.writing) / this.maxInFlight);
      const batch = this.take(Math.min(size, this.maxBatch));
      this.inFlight += 1;
      this.writing += batch.length;
      // The slot is freed only after the commands just answered have run on (a cached command
      // needs no I/O before its next write, so it runs in microtasks of this turn of the event
      // loop): their next writes then share one statement instead of the first going out alone.
      void this.send(batch).finally(() =>
        setImmediate(() => {
          this.inFlight -= 1;
          this.writing -= batch.length;
          this.pump();
        }),
      );
    }
  }

  /** The oldest waiting writes of one head kind, at most one per case, in arrival order. */
  private take(limit: number): Pending[] {
    const kind = this.queue[0]!.write.head.kind;
    const cases = new Set<string>();
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    for (const p of this.queue) {
      const id = p.write.change.instance.id;
      if (batch.length < limit && p.write.head.kind === kind && !cases.has(id)) {
        cases.add(id);
        batch.push(p);
      } else rest.push(p);
    }
    this.queue.splice(0, this.queue.length, ...rest);
    // Case rows are locked in id order, so two statements in flight cannot deadlock on each other.
    return batch.sort((a, b) => (a.write.change.instance.id < b.write.change.instance.id ? -1 : 1));
  }

  private async send(batch: Pending[]): Promise<void> {
    try {
      const written = await this.writer(batch.map((p) => p.write));
      for (const p of batch) p.resolve(written.has(p.write.change.instance.id));
    } catch (error) {
      if (batch.length > 1 && wroteNothing(error)) {
        await Promise.all(batch.map((p) => this.alone(p)));
        return;
      }
      for (const p of batch) p.reject(error);
    }
  }

  private async alone(p: Pending): Promise<void> {
    try {
      const written = await this.writer([p.write]);
      p.resolve(written.has(p.write.change.instance.id));
    } catch (error) {
      p.reject(error);
    }
  }
}
