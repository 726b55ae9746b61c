import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBanner } from '../cli/start-command';
import { testConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { type RunningServer, startServer } from '../server';
import { openTestServer, TEST_HASH } from '../testing/test-server';
import { demoAdminPasswordWorks } from './first-admin';

describe('first run without --demo: one administrator, no demo accounts', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer(testConfig({ port: 0, host: '127.0.0.1' }), createLogger('silent'), {
      firstRun: 'admin',
      hashParams: TEST_HASH,
    });
  }, 60_000);
  afterAll(() => server.close());

  const post = (path: string, payload: unknown, token?: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(payload),
    });
  const get = (path: string, token: string) =>
    fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('given an empty database, when started for production, then the directory holds only admin, an administrator, and nothing is published', async () => {
    expect(server.seeded?.kind).toBe('admin');
    expect(await server.ctx.db.selectFrom('definitions').select('key').execute()).toEqual([]);
    const users = await server.ctx.db.selectFrom('directory_users').select('username').execute();
    expect(users).toEqual([{ username: 'admin' }]);
    const roles = await server.ctx.db.selectFrom('directory_memberships').selectAll().execute();
    expect(roles).toEqual([{ username: 'admin', role: 'administrator', unit: 'organisation' }]);
  });

  it('given a production first run or a demo database, when asked whether admin/flowform works, then no and yes', async () => {
    expect(await demoAdminPasswordWorks(server.ctx)).toBe(false);
    const demo = await openTestServer({ bundles: [] });
    try {
      expect(await demoAdminPasswordWorks(demo.ctx)).toBe(true);
    } finally {
      await demo.close();
    }
  }, 60_000);

  it('given the demo password, when admin or a demo account signs in with it, then 401', async () => {
    expect((await post('/api/auth/login', { username: 'admin', password: 'flowform' })).status).toBe(401);
    expect((await post('/api/auth/login', { username: 'sec1', password: 'flowform' })).status).toBe(401);
  });

  it('given the printed one-time password, when admin signs in, then it must be changed first, and works only once', async () => {
    if (server.seeded?.kind !== 'admin') throw new Error('no administrator was created');
    const password = server.seeded.admin.oneTimePassword;
    const banner = startBanner(server, false);
    expect(banner).toContain(`password: ${password}`);
    expect(banner).not.toContain('DEMO MODE');
    expect(banner).not.toContain('leader1');

    const signedIn = await post('/api/auth/login', { username: 'admin', password });
    expect(signedIn.status).toBe(200);
    const { token, user } = (await signedIn.json()) as {
      token: string;
      user: { mustChangePassword: boolean };
    };
    expect(user.mustChangePassword).toBe(true);
    const blocked = await get('/api/definitions', token);
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as { code: string }).code).toBe('password-change-required');
    const changed = await post(
      '/api/me/password',
      { current: password, next: 'Open-Valve-Station-9' },
      token,
    );
    expect(changed.status).toBe(204);
    expect((await get('/api/definitions', token)).status).toBe(200);
    expect((await post('/api/auth/login', { username: 'admin', password })).status).toBe(401);
    expect(
      (await post('/api/auth/login', { username: 'admin', password: 'Open-Valve-Station-9' })).status,
    ).toBe(200);
  });

  it('given demo mode, when the banner is printed, then it says DEMO loudly and lists the demo accounts last', () => {
    const banner = startBanner({ url: 'http://127.0.0.1:3000' }, true).trimEnd().split('\n');
    expect(banner.join('\n')).toContain('DEMO MODE');
    expect(banner.join('\n')).toContain('Flowform is running at http://127.0.0.1:3000');
    expect(banner.at(-1)).toMatch(/^\s+w001\s/);
  });
});
