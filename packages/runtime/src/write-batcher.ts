import type { CaseWrite } from './case-write';

/** Writes one statement's worth of commands; resolves with the ids of the cases written. */
export type StatementWriter = (writes: CaseWrite[]) => Promise<Set<string>>;

interface Pending {
  write: CaseWrite;
  resolve: (written: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * SQLSTATEs after which a statement's commit may have happened: the connection (08) or the server
 * (57P01-57P05: shut down, crashed, session ended; 58: system or I/O error; XX: internal) went away,
 * resources ran out (53: a full disk can stop the commit record itself), or the server said so
 * (40003). Every other error the server reports aborts the statement's transaction before it
 * commits: the statement, being one, wrote nothing.
 */
const OUTCOME_UNKNOWN = /^(08|53|57P|58|XX|40003)/;

/**
 * True if the statement is known to have written nothing: the server answered it with an error (a
 * SQLSTATE, on pg and PGlite alike) of a kind raised before commit — a data exception (22: U+0000,
 * a lone surrogate), an integrity violation (23: a duplicate idempotency key), a serialization
 * failure or deadlock (40001, 40P01), a cancelled statement (57014), and the like. An error without
 * a SQLSTATE (a lost connection, a client-side failure) or one of OUTCOME_UNKNOWN may have
 * followed the commit.
 */
export function wroteNothing(error: unknown): boolean {
  const { code, severity } = (error ?? {}) as { code?: unknown; severity?: unknown };
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || typeof severity !== 'string') return false;
  // A session ended by the server (FATAL, PANIC) may have ended after its commit.
  if (severity === 'FATAL' || severity === 'PANIC') return false;
  return !OUTCOME_UNKNOWN.test(code);
}

/**
 * Group commit for case writes. At most `maxInFlight` write statements run at once; a command
 * arriving while they are busy waits, and all that waited go together in the next statement. Under
 * light load every command is written at once and alone; under heavy load the server's fixed cost
 * per statement (round trip, executor start-up, commit) is shared by the commands of a batch, the
 * way PostgreSQL's own group commit shares a WAL flush. Each command stays atomic: its rows are all
 * guarded by its own case row. Two writes of one case never share a statement (the second waits).
 * One command never fails another: if a shared statement fails in a way that wrote nothing (any
 * error the server raises before commit: a data exception from one command's text, a duplicate
 * idempotency key, a deadlock), each of its commands is written again alone, so only the command
 * at fault gets the error. A failure that may have followed the commit (a lost connection) is
 * reported to every command of the statement, as it would be to a command written alone.
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
