import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type OpenDatabase, openDatabase } from '../database/open-database';

/** The backends a storage test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testBackends(): ('pglite' | 'postgres')[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Concurrency suites mean real parallel sessions, which only PostgreSQL has (PGlite is one
 * connection). Without DATABASE_URL they run on PGlite, where the same assertions must still hold
 * with the commands serialised; `.ci/run` runs them again on PostgreSQL.
 */
export function concurrencyBackends(): ('pglite' | 'postgres')[] {
  return process.env.DATABASE_URL ? ['postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database for one test: in-memory PGlite, or a new database on the server named
 * by DATABASE_URL (dropped on close). With CI=true an unreachable server fails the test.
 */
export async function openTestDatabase(kind: 'pglite' | 'postgres', poolSize = 10): Promise<OpenDatabase> {
  if (kind === 'pglite') return openDatabase({ memory: true });
  const scratch = await createScratchDatabase();
  const open = await openDatabase({ url: scratch.url, poolSize });
  return {
    ...open,
    close: async () => {
      await open.close();
      await scratch.drop();
    },
  };
}

/**
 * An empty database on the server named by DATABASE_URL, for tests that open it themselves (with
 * other migrations, or from several processes); `drop()` removes it, connections and all.
 */
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `ff_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
