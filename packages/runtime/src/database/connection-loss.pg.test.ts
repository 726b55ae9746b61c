import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from './open-database';
import { openTestDatabase } from '../testing/test-database';

describe('a connection ended by PostgreSQL while the runtime holds it', () => {
  let open: OpenDatabase;
  let other: OpenDatabase;
  beforeAll(async () => {
    open = await openTestDatabase('postgres');
    other = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await open.close();
    await other.close();
  });

  it('given a transaction between statements, when an administrator kills its backend, then the transaction fails, the process lives and the next query runs on a new connection', async () => {
    const unhandled: unknown[] = [];
    const record = (error: unknown) => unhandled.push(error);
    process.on('uncaughtException', record);
    try {
      const outcome = await open.db
        .transaction()
        .execute(async (tx) => {
          const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
          await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(other.db);
          // the server's FATAL arrives while this client runs no query
          await new Promise((resolve) => setTimeout(resolve, 300));
          await sql`select 1`.execute(tx);
          return 'committed';
        })
        .catch((error: Error) => `failed: ${error.message}`);
      expect(outcome).toMatch(/^failed/);
      const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(open.db);
      expect(rows).toEqual([{ ok: 1 }]);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('uncaughtException', record);
    }
  });
});
