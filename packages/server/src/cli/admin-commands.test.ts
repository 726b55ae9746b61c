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
import { main } from './main';

const run = async (...argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const printedPassword = (out: string) => out.match(/^ {2}([A-Za-z0-9_-]{20})$/m)?.[1];

describe('flowform admin create | reset-password', () => {
  let dataDir: string;
  const saved = process.env.FLOWFORM_DATA_DIR;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'flowform-admin-'));
    process.env.FLOWFORM_DATA_DIR = dataDir;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.FLOWFORM_DATA_DIR;
    else process.env.FLOWFORM_DATA_DIR = saved;
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given no action or no username, when run, then usage and exit 2 without touching the database', async () => {
    expect((await run('admin', '--username', 'ops')).code).toBe(2);
    const missing = await run('admin', 'create');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--username is required');
  });

  it('given an empty database, when an administrator is created and then reset, then only the last printed one-time password signs in, and must be changed', async () => {
    const created = await run('admin', 'create', '--username', 'ops');
    expect(created.code).toBe(0);
    const first = printedPassword(created.out);
    expect(first).toBeDefined();
    const reset = await run('admin', 'reset-password', '--username', 'ops');
    expect(reset.code).toBe(0);
    const second = printedPassword(reset.out);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);

    const database = await openDatabase({ dataDir }, serverMigrations);
    try {
      const { ctx } = await composeServer(testConfig(), createLogger('silent'), { database });
      const app = createApp(ctx);
      const signIn = (password: string) =>
        app.request('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-test-address': '10.10.0.1' },
          body: JSON.stringify({ username: 'ops', password }),
        });
      expect((await signIn(first!)).status).toBe(401);
      const ok = await signIn(second!);
      expect(ok.status).toBe(200);
      const { user } = (await ok.json()) as { user: { isAdmin: boolean; mustChangePassword: boolean } };
      expect(user).toMatchObject({ isAdmin: true, mustChangePassword: true });
    } finally {
      await database.close();
    }
  }, 180_000);
});
