import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { preparingPool } from './preparing-pool';

/** A pool whose clients record what they are asked; `connect` hands out `clients` in turn. */
function fakePool(count: number) {
  const calls: { client: number; query?: unknown; release?: unknown }[] = [];
  const clients = Array.from({ length: count }, (_, i) =>
    Object.assign(new EventEmitter(), {
      query: async (query: unknown) => {
        calls.push({ client: i, query });
        return { rows: [] };
      },
      release: (destroy?: unknown) => calls.push({ client: i, release: destroy }),
    }),
  );
  let next = 0;
  const pool = { connect: async () => clients[next++ % count], end: async () => {} };
  return { pool: pool as unknown as pg.Pool, calls, clients };
}

describe('the preparing pool', () => {
  it('given the same pooled client checked out twice, when connected, then the same wrapper comes back (Kysely keeps one connection per client)', async () => {
    const { pool } = fakePool(1);
    const prepared = preparingPool(pool);
    const first = await prepared.connect();
    first.release();
    expect(await prepared.connect()).toBe(first);
  });

  it('given two pooled clients, when connected, then each has its own wrapper', async () => {
    const { pool } = fakePool(2);
    const prepared = preparingPool(pool);
    expect(await prepared.connect()).not.toBe(await prepared.connect());
  });

  it('given a parameterised statement, when queried, then it runs as a named prepared statement; without values, as plain text', async () => {
    const { pool, calls } = fakePool(1);
    const client = await preparingPool(pool).connect();
    await client.query('select $1::int', [1]);
    await client.query('select 1', []);
    expect(calls[0]!.query).toMatchObject({
      name: expect.stringMatching(/^ff_[0-9a-f]{20}$/),
      text: 'select $1::int',
    });
    expect(calls[1]!.query).toBe('select 1');
  });

  it('given Kysely asks to destroy a client (its rollback failed), when released, then the pool is told to destroy it', async () => {
    const { pool, calls } = fakePool(1);
    const client = await preparingPool(pool).connect();
    client.release(true);
    client.release();
    expect(calls.map((c) => c.release)).toEqual([true, undefined]);
  });

  it('given a checked-out client whose connection the server ends, when it reports the error, then nothing is thrown and on release the pool drops it', async () => {
    const { pool, calls, clients } = fakePool(1);
    const client = await preparingPool(pool).connect();
    expect(() =>
      clients[0]!.emit('error', new Error('terminating connection due to administrator command')),
    ).not.toThrow();
    client.release();
    expect(calls.map((c) => c.release)).toEqual([true]);
  });
});
