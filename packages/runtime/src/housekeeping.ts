import { type Kysely, sql } from 'kysely';

/**
 * A periodic clean-up the timer worker runs beside firing timers: deletes rows nobody needs any
 * more and says how many. Idempotent, so every process may run it; `now` is the database's clock
 * (or a test's), as for timers.
 */
export interface HousekeepingTask {
  name: string;
  run(db: Kysely<never>, now: ReturnType<typeof sql>): Promise<number>;
}

/** How often the timer worker runs its housekeeping, and what. */
export interface HousekeepingOptions {
  intervalMs: number;
  tasks: HousekeepingTask[];
}

/**
 * The runtime's own: command idempotency keys older than `retentionHours`. A retry with the same
 * key within that window returns the first result; after it, the key is forgotten (as with any
 * payment API's keys), so the table does not grow with every command and timer for ever.
 */
export function expiredIdempotencyKeys(retentionHours: number): HousekeepingTask {
  checkRetention('idempotency key retention', retentionHours);
  return {
    name: 'idempotency-keys',
    async run(db, now) {
      const result = await sql`
        delete from idempotency_keys where created_at < ${now} - ${`${retentionHours} hours`}::interval`.execute(
        db,
      );
      return Number(result.numAffectedRows ?? 0);
    },
  };
}

/** Retention must be a positive number of hours: zero would forget a key while its retry is on the way. */
export function checkRetention(what: string, hours: number): void {
  if (!Number.isFinite(hours) || hours <= 0)
    throw new RangeError(`${what} must be a positive number of hours`);
}
