import { type Kysely, sql } from 'kysely';

/** How often embedded PGlite is vacuumed and analysed unless told otherwise: every 30 minutes. */
export const PGLITE_MAINTENANCE_MS = 30 * 60 * 1000;

/**
 * PGlite runs PostgreSQL without its background workers, so autovacuum never runs: dead row
 * versions pile up and the planner never gets statistics (a statement prepared while a table was
 * empty keeps scanning it whole as it grows). This does autovacuum's job on a timer: ANALYZE now,
 * then VACUUM ANALYZE every `intervalMs` (not at all if it is not a positive number), queued like any
 * other statement on the one connection.
 * Returns the function that stops it.
 */
export async function startPgliteMaintenance(db: Kysely<unknown>, intervalMs: number): Promise<() => void> {
  await sql`analyze`.execute(db);
  // 0, a negative number or NaN turns the timer off (a tight vacuum loop would starve commands).
  if (!(intervalMs > 0)) return () => {};
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    sql`vacuum analyze`
      .execute(db)
      .catch(() => {})
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
