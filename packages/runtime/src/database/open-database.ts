import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, type Migration, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './db-schema';
import { migrateToLatest } from './migrations';
import { PGliteDialect } from './pglite-dialect';
import { PGLITE_MAINTENANCE_MS, startPgliteMaintenance } from './pglite-maintenance';
import { preparingPool } from './preparing-pool';

/** An open database: Kysely on PostgreSQL (DATABASE_URL) or embedded PGlite (files or memory). */
export interface OpenDatabase {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Where to connect: a PostgreSQL URL, a PGlite data directory, or in-memory PGlite for tests. */
export type DatabaseTarget =
  | { url: string; poolSize?: number }
  | ({ dataDir: string } & PgliteOptions)
  | ({ memory: true } & PgliteOptions);

/** Embedded PGlite: how often it is vacuumed and analysed (it has no autovacuum). */
interface PgliteOptions {
  maintenanceMs?: number;
}

// Timestamps come back as Date (pg's default); bigint columns as strings; we never rely on local time zones.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => value);

/** Opens (and migrates) the database the runtime runs on. */
export async function openDatabase(
  target: DatabaseTarget,
  extraMigrations: Record<string, Migration> = {},
): Promise<OpenDatabase> {
  let open: OpenDatabase;
  if ('url' in target) {
    // Generic plans always: every statement is prepared once per connection (preparing-pool.ts) and
    // none of ours changes shape with its values, while `auto` kept re-planning the hot path's CTE
    // statement on every command (its guessed custom cost never beat the generic one) — a third of
    // the server's CPU per command.
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.poolSize ?? 10,
      options: '-c plan_cache_mode=force_generic_plan',
    });
    // An idle client whose server connection drops (restart, admin kill) must not crash the process:
    // the pool discards it and the next query opens a new one.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
    open = { db, kind: 'postgres', close: () => db.destroy() };
  } else {
    if ('dataDir' in target) mkdirSync(target.dataDir, { recursive: true });
    const pglite = 'dataDir' in target ? new PGlite(target.dataDir) : new PGlite();
    await pglite.waitReady;
    // Statements are prepared once (pglite-prepared.ts); generic plans, as on PostgreSQL.
    await pglite.exec('set plan_cache_mode = force_generic_plan');
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    let stopMaintenance = () => {};
    open = {
      db,
      kind: 'pglite',
      close: async () => {
        stopMaintenance();
        await db.destroy();
        await pglite.close();
      },
    };
    await migrateToLatest(open.db as Kysely<unknown>, extraMigrations);
    stopMaintenance = await startPgliteMaintenance(
      open.db as Kysely<unknown>,
      target.maintenanceMs ?? PGLITE_MAINTENANCE_MS,
    );
    return open;
  }
  await migrateToLatest(open.db as Kysely<unknown>, extraMigrations);
  return open;
}
