import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@flowform/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password';
import { composeServer } from '../compose-server';
import { testConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger } from '../http/logger';
import type { ServerContext } from '../server-context';
import { shippedDemoHashes, writeDemoHashes } from './demo-password-hashes';
import { DEMO_PASSWORD, demoDirectory, seedDemo } from './demo-seed';

const shipped = shippedDemoHashes();
const usernames = demoDirectory().users.map((u) => u.username);

describe('the demo accounts’ shipped password hashes', () => {
  it('given the demo directory, when the shipped file is read, then every account has a hash at the production cost, each with its own salt', () => {
    expect([...shipped.keys()].sort()).toEqual([...usernames].sort());
    for (const hash of shipped.values()) expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    const salts = [...shipped.values()].map((h) => h.split('$')[4]);
    expect(new Set(salts).size).toBe(usernames.length);
  });

  it('given the shipped hashes, when the demo password is verified against the first, admin’s and the last, then it matches', async () => {
    for (const username of [usernames[0]!, 'admin', usernames.at(-1)!])
      expect(await verifyPassword(DEMO_PASSWORD, shipped.get(username))).toBe(true);
  });

  it('given no file, when read, then no hashes (the first run hashes every account itself)', () => {
    expect(shippedDemoHashes(join(tmpdir(), 'no-such-demo-hashes.json')).size).toBe(0);
  });

  it('given usernames, when the file is written, then each gets a distinct hash of the password', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'demo-hashes-')), 'hashes.json');
    writeDemoHashes(['a', 'b'], 'pw', file);
    const written = shippedDemoHashes(file);
    expect(written.get('a')).not.toBe(written.get('b'));
    expect(await verifyPassword('pw', written.get('b'))).toBe(true);
  });
});

describe('seeding the demo at the production cost', () => {
  let ctx: ServerContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await openDatabase({ memory: true }, serverMigrations);
    ({ ctx } = await composeServer(testConfig(), createLogger('silent'), { database }));
    close = database.close;
    await seedDemo(ctx, { bundles: [] });
  });
  afterAll(() => close());

  it('given no test cost, when the demo is seeded, then each account stores its shipped hash', async () => {
    const rows = await ctx.db.selectFrom('directory_users').select(['username', 'password_hash']).execute();
    expect(rows).toHaveLength(usernames.length);
    for (const row of rows) expect(row.password_hash).toBe(shipped.get(row.username));
  });
});
