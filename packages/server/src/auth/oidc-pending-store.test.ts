import { openDatabase } from '@flowform/runtime';
import { createScratchDatabase, testBackends } from '@flowform/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverMigrations } from '../database/server-migrations';
import type { ServerDb } from '../database/server-schema';
import { OidcPendingStore } from './oidc-pending-store';

const CHECKS = { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1' };

describe.each(testBackends())('sign-ins waiting at the provider (%s)', (backend) => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let drop = async () => {};
  /** The server's view of the database (its own tables beside the runtime's). */
  const db = () => database.db as unknown as ServerDb;
  beforeAll(async () => {
    if (backend === 'pglite') database = await openDatabase({ memory: true }, serverMigrations);
    else {
      const scratch = await createScratchDatabase();
      database = await openDatabase({ url: scratch.url, poolSize: 2 }, serverMigrations);
      drop = scratch.drop;
    }
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await drop();
  });

  it('given a kept sign-in, when its handle comes back, then the checks are answered once, and only the SHA-256 of the handle is stored', async () => {
    const store = new OidcPendingStore(db());
    const handle = await store.put(CHECKS);
    const stored = await database.db
      .selectFrom('server_oidc_pending' as never)
      .selectAll()
      .execute();
    expect(JSON.stringify(stored)).not.toContain(handle);
    expect(await store.take(handle)).toEqual(CHECKS);
    expect(await store.take(handle)).toBeUndefined();
  });

  it('given an unknown, a malformed or a missing handle, when taken, then nothing is answered', async () => {
    const store = new OidcPendingStore(db());
    await store.put(CHECKS);
    expect(await store.take('x'.repeat(43))).toBeUndefined();
    expect(await store.take('short')).toBeUndefined();
    expect(await store.take(undefined)).toBeUndefined();
  });

  it('given a sign-in kept past its time, when its handle comes back, then it is refused (and gone)', async () => {
    const store = new OidcPendingStore(db(), -1);
    const handle = await store.put(CHECKS);
    expect(await store.take(handle)).toBeUndefined();
    expect(await new OidcPendingStore(db()).take(handle)).toBeUndefined();
  });
});
