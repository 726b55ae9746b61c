/**
 * Two processes starting at once on one empty PostgreSQL database: exactly one seeds it. (Two
 * servers in this test process stand in for two processes: each has its own connection pool.)
 */
import { createScratchDatabase } from '@flowform/runtime/testing';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { demoDirectory } from '../seed/demo-seed';
import { startServer } from '../server';
import { TEST_HASH } from '../testing/test-server';

describe('first run on an empty database (PostgreSQL)', () => {
  it('given two servers starting together, when both find the database empty, then it is seeded once', async () => {
    const scratch = await createScratchDatabase();
    const config = testConfig({ database: { url: scratch.url, poolSize: 4 }, host: '127.0.0.1' });
    const start = () =>
      startServer(config, createLogger('silent'), { firstRun: 'demo', hashParams: TEST_HASH });
    const servers = await Promise.all([start(), start()]);
    try {
      expect(servers.filter((s) => s.seeded).length).toBe(1);
      const db = servers[0]!.ctx.db;
      const users = await db
        .selectFrom('directory_users')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(users.n)).toBe(demoDirectory().users.length);
      const versions = await db
        .selectFrom('definitions')
        .select(['key', (eb) => eb.fn.max('version').as('latest')])
        .groupBy('key')
        .execute();
      expect(versions.length).toBeGreaterThan(0);
      expect(versions.every((v) => Number(v.latest) === 1)).toBe(true);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await scratch.drop();
    }
  });

  it('given two servers starting together for production, when both find the database empty, then one administrator is created, once', async () => {
    const scratch = await createScratchDatabase();
    const config = testConfig({ database: { url: scratch.url, poolSize: 4 }, host: '127.0.0.1' });
    const start = () =>
      startServer(config, createLogger('silent'), { firstRun: 'admin', hashParams: TEST_HASH });
    const servers = await Promise.all([start(), start()]);
    try {
      expect(servers.filter((s) => s.seeded?.kind === 'admin').length).toBe(1);
      const users = await servers[0]!.ctx.db.selectFrom('directory_users').select('username').execute();
      expect(users).toEqual([{ username: 'admin' }]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
      await scratch.drop();
    }
  });
});
