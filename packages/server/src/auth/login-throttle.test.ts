import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@flowform/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { composeServer } from '../compose-server';
import { testConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger } from '../http/logger';
import { seedDemo } from '../seed/demo-seed';
import { body, openTestServer, TEST_HASH } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
type App = { request: (path: string, init: RequestInit) => Response | Promise<Response> };

const signIn = (app: App, username: string, password: string, address: string) =>
  Promise.resolve(
    app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-address': address },
      body: JSON.stringify({ username, password }),
    }),
  );

describe('sign-in throttle in the database', () => {
  let s: Server;
  let now = 5_000_000;
  const lines: Record<string, unknown>[] = [];
  let second: App;
  beforeAll(async () => {
    const log = createLogger((line) => lines.push(JSON.parse(line)));
    s = await openTestServer({ log, throttle: { now: () => now } });
    // A second process on the same database: its own context, throttle object and app.
    const other = await composeServer(testConfig(), createLogger('silent'), {
      database: s.database,
      throttle: { now: () => now },
    });
    second = createApp(other.ctx);
  }, 60_000);
  afterAll(() => s.close());

  it('given failures spread over two processes sharing the database, when the sixth try comes, then both refuse it', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn(s.app, 'sec1', 'bad', '10.5.0.1')).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await signIn(second, 'sec1', 'bad', '10.5.0.1')).status).toBe(401);
    expect((await signIn(s.app, 'sec1', 'flowform', '10.5.0.1')).status).toBe(429);
    expect((await signIn(second, 'sec1', 'flowform', '10.5.0.1')).status).toBe(429);
  });

  it('given an account and an address failing on, when each delay has passed, then the delays double up to 15 minutes', async () => {
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) await signIn(s.app, 'sec2', 'bad', '10.6.0.1');
    for (let i = 0; i < 14; i++) {
      const refused = await signIn(s.app, 'sec2', 'bad', '10.6.0.1');
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      waits.push(wait);
      now += wait * 1000;
      expect((await signIn(s.app, 'sec2', 'bad', '10.6.0.1')).status).toBe(401);
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900]);
    expect((await signIn(s.app, 'sec2', 'flowform', '10.6.0.2')).status).toBe(200);
  });

  it('given 1,000 failed sign-ins for admin from one address, when admin signs in from another, then it succeeds', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1000; i++) {
      const status = (await signIn(s.app, 'admin', `guess-${i}`, '203.0.113.7')).status;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(401)).toBe(5);
    expect(statuses.get(429)).toBe(995);
    expect((await signIn(s.app, 'admin', 'flowform', '203.0.113.7')).status).toBe(429);
    expect((await signIn(s.app, 'admin', 'flowform', '198.51.100.1')).status).toBe(200);
    expect((await signIn(second, 'admin', 'flowform', '198.51.100.2')).status).toBe(200);
  }, 120_000);

  it('given a failed and a successful sign-in, when logged, then each line names the user and the address', async () => {
    await signIn(s.app, 'sec3', 'bad', '10.7.0.1');
    await signIn(s.app, 'sec3', 'flowform', '10.7.0.1');
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'login failed', user: 'sec3', address: '10.7.0.1' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'login', user: 'sec3', address: '10.7.0.1' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ msg: 'login throttled', user: 'admin', address: '203.0.113.7' }),
    );
  });
});

describe('sign-in throttle across a restart', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flowform-throttle-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  // One instant for both runs: a restart takes longer than the first delay (1 s) on a busy machine.
  const now = () => 9_000_000;
  const boot = async () => {
    const database = await openDatabase({ dataDir }, serverMigrations);
    const { ctx } = await composeServer(testConfig(), createLogger('silent'), {
      database,
      throttle: { now },
    });
    return { ctx, database, app: createApp(ctx) };
  };

  it('given five failures before the server stops, when it starts again, then that account and address are still refused', async () => {
    const first = await boot();
    await seedDemo(first.ctx, { hashParams: TEST_HASH, bundles: [] });
    for (let i = 0; i < 5; i++) expect((await signIn(first.app, 'sec1', 'bad', '10.8.0.1')).status).toBe(401);
    await first.database.close();

    const again = await boot();
    try {
      const refused = await signIn(again.app, 'sec1', 'flowform', '10.8.0.1');
      expect(refused.status).toBe(429);
      expect((await body(refused)).code).toBe('too-many-attempts');
      expect((await signIn(again.app, 'sec1', 'flowform', '10.8.0.2')).status).toBe(200);
    } finally {
      await again.database.close();
    }
  }, 120_000);
});
