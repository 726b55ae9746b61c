/**
 * Two server processes on one PostgreSQL database (two pools stand in for two processes): failed
 * sign-ins racing through both are all counted, and both refuse the pair afterwards.
 */
import { openDatabase } from '@flowform/runtime';
import { createScratchDatabase } from '@flowform/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { composeServer } from '../compose-server';
import { testConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger } from '../http/logger';
import { seedDemo } from '../seed/demo-seed';
import { TEST_HASH } from '../testing/test-server';

describe('sign-in throttle shared on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const closers: (() => Promise<void>)[] = [];
  const apps: ReturnType<typeof createApp>[] = [];
  beforeAll(async () => {
    scratch = await createScratchDatabase();
    for (let i = 0; i < 2; i++) {
      const database = await openDatabase({ url: scratch.url, poolSize: 4 }, serverMigrations);
      const { ctx } = await composeServer(testConfig(), createLogger('silent'), {
        database,
        throttle: { freeFailures: 5, perAddress: 1000 },
      });
      if (i === 0) await seedDemo(ctx, { hashParams: TEST_HASH, bundles: [] });
      apps.push(createApp(ctx));
      closers.push(() => database.close());
    }
  }, 60_000);
  afterAll(async () => {
    for (const close of closers) await close();
    await scratch?.drop();
  });

  const signIn = (i: number, password: string, address: string) =>
    apps[i % 2]!.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-address': address },
      body: JSON.stringify({ username: 'sec1', password }),
    });

  it('given 5 wrong passwords at once through two processes, when the right one comes through either, then both refuse it, and another address signs in', async () => {
    const wrong = await Promise.all([0, 1, 2, 3, 4].map((i) => signIn(i, 'bad', '10.20.0.1')));
    expect(wrong.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect((await signIn(0, 'flowform', '10.20.0.1')).status).toBe(429);
    expect((await signIn(1, 'flowform', '10.20.0.1')).status).toBe(429);
    expect((await signIn(1, 'flowform', '10.20.0.2')).status).toBe(200);
  });
});
