import type { OpenDatabase } from '@flowform/runtime';
import { sql } from 'kysely';

/** The advisory lock key of first-run seeding ("flowform seed" as a 64-bit number). */
const SEED_LOCK = 0x666c6f77_73656564n;

/**
 * Runs `fn` while holding a PostgreSQL advisory lock, so of several processes starting on one empty
 * database exactly one seeds it and the others, waiting, then find it seeded. PGlite has one process
 * by construction (its data directory is exclusive), so no lock is needed there.
 */
export async function withFirstRunLock<T>(database: OpenDatabase, fn: () => Promise<T>): Promise<T> {
  if (database.kind === 'pglite') return fn();
  return database.db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${SEED_LOCK.toString()}::bigint)`.execute(connection);
    try {
      return await fn();
    } finally {
      await sql`select pg_advisory_unlock(${SEED_LOCK.toString()}::bigint)`.execute(connection);
    }
  });
}
