import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { composeServer } from '../compose-server';
import { testConfig } from '../config/server-config';
import { createLogger } from '../http/logger';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

describe('authentication', () => {
  let s: Server;
  let now = 1_000_000;
  beforeAll(async () => {
    s = await openTestServer({
      throttle: { freeFailures: 3, perAddress: 6, addressWindowMs: 60_000, now: () => now },
    });
  }, 60_000);
  afterAll(() => s.close());

  const login = (username: string, password: string, address = '10.0.0.1') =>
    s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-address': address },
      body: JSON.stringify({ username, password }),
    });

  it('given a demo account, when it signs in, then a token, the user and an HttpOnly SameSite=Strict cookie come back', async () => {
    const res = await login('sec1', 'flowform', '10.0.0.9');
    expect(res.status).toBe(200);
    const json = await body(res);
    expect(json.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(json.user).toMatchObject({ username: 'sec1', isAdmin: false });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/ff_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('given the stored hash, when read, then it is scrypt with a per-user salt, never the password', async () => {
    const rows = await s.ctx.db
      .selectFrom('directory_users')
      .select(['username', 'password_hash'])
      .limit(3)
      .execute();
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(new Set(rows.map((r) => r.password_hash)).size).toBe(rows.length);
  });

  it('given two logins, when compared, then each gets a new session token', async () => {
    const a = await body(await login('sec2', 'flowform', '10.0.0.10'));
    const b = await body(await login('sec2', 'flowform', '10.0.0.10'));
    expect(a.token).not.toBe(b.token);
  });

  it('given a wrong password or an unknown user, when signing in, then 401 with the same code', async () => {
    const wrong = await login('sec3', 'nope', '10.0.0.11');
    const unknown = await login('nobody', 'nope', '10.0.0.11');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await body(wrong)).code).toBe('invalid-credentials');
    expect((await body(unknown)).code).toBe('invalid-credentials');
    expect(wrong.headers.get('content-type')).toBe('application/problem+json');
  });

  it('given three failures for one account from one address, when the right password comes from there, then 429 until the delay ends; from elsewhere it signs in', async () => {
    for (let i = 0; i < 3; i++) expect((await login('sec4', 'bad', '10.1.0.1')).status).toBe(401);
    const blocked = await login('sec4', 'flowform', '10.1.0.1');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await login('sec4', 'flowform', '10.1.0.2')).status).toBe(200);
    now += 1_000;
    expect((await login('sec4', 'flowform', '10.1.0.1')).status).toBe(200);
  });

  it('given six failures from one address on different accounts, when another account tries from there, then 429; from another address 200', async () => {
    for (let i = 0; i < 6; i++) await login(`w00${i + 1}`, 'bad', '10.2.0.1');
    expect((await login('w010', 'flowform', '10.2.0.1')).status).toBe(429);
    expect((await login('w010', 'flowform', '10.2.0.2')).status).toBe(200);
    now += 60_000;
    expect((await login('w010', 'flowform', '10.2.0.1')).status).toBe(200);
  });

  it('given no or a bad token, when calling the API, then 401 problem', async () => {
    expect((await s.call('GET', '/api/me')).status).toBe(401);
    const bad = await s.call('GET', '/api/me', {
      headers: { authorization: 'Bearer not-a-real-token-at-all-123' },
    });
    expect(bad.status).toBe(401);
    expect((await body(bad)).code).toBe('unauthenticated');
  });

  it('given a session, when /api/me, then roles and units come back', async () => {
    const me = await body(await s.call('GET', '/api/me', { as: 'sec1' }));
    expect(me.roles).toContainEqual(expect.objectContaining({ role: 'branchSecretary', unit: 'branch-1' }));
    expect(me.units.map((u: { id: string }) => u.id)).toContain('branch-1');
  });

  it('given logout, when the same token is used, then 401 at once', async () => {
    const token = await s.login('com1a');
    const headers = { authorization: `Bearer ${token}` };
    expect((await s.call('POST', '/api/auth/logout', { headers })).status).toBe(204);
    expect((await s.call('GET', '/api/me', { headers })).status).toBe(401);
    s.forget('com1a');
  });

  it('given a user is disabled, when their live session calls, then 401 at once', async () => {
    const token = await s.login('com1b');
    const headers = { authorization: `Bearer ${token}` };
    expect((await s.call('GET', '/api/me', { headers })).status).toBe(200);
    await s.ctx.db
      .updateTable('directory_users')
      .set({ disabled: true })
      .where('username', '=', 'com1b')
      .execute();
    expect((await s.call('GET', '/api/me', { headers })).status).toBe(401);
    await s.ctx.db
      .updateTable('directory_users')
      .set({ disabled: false })
      .where('username', '=', 'com1b')
      .execute();
  });

  it('given a role change, when the next request comes, then it sees the new roles', async () => {
    const token = await s.login('w011');
    const headers = { authorization: `Bearer ${token}` };
    const before = await body(await s.call('GET', '/api/me', { headers }));
    expect(before.isAdmin).toBe(false);
    const { setRoleHolder } = await import('@flowform/runtime');
    await s.ctx.db
      .insertInto('directory_memberships')
      .values({ username: 'w011', role: 'administrator', unit: 'district' })
      .execute();
    await setRoleHolder(s.ctx.runtime.db, 'cadre', 'station-116', 'head116');
    const after = await body(await s.call('GET', '/api/me', { headers }));
    expect(after.isAdmin).toBe(true);
  });

  it('given cookie authentication, when a write comes without X-Requested-With or from another origin, then 403', async () => {
    const res = await login('sec5', 'flowform', '10.3.0.1');
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    const get = await s.app.request('/api/me', { headers: { cookie } });
    expect(get.status).toBe(200);
    const bare = await s.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(bare.status).toBe(403);
    const foreign = await s.app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'fetch', origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    const ok = await s.app.request('http://localhost/api/auth/logout', {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'fetch', origin: 'http://localhost' },
    });
    expect(ok.status).toBe(204);
  });

  it('given trustProxy, when a sign-in comes through an https proxy, then the cookie is Secure and the session keeps the forwarded address; without it both headers are ignored', async () => {
    const proxied = await composeServer(testConfig({ trustProxy: 1 }), createLogger('silent'), {
      database: s.database,
    });
    const behindProxy = createApp(proxied.ctx);
    const headers = {
      'content-type': 'application/json',
      'x-test-address': '10.0.0.2',
      'x-forwarded-for': '6.6.6.6, 192.0.2.44',
      'x-forwarded-proto': 'https',
    };
    const payload = JSON.stringify({ username: 'com2a', password: 'flowform' });
    const trusted = await behindProxy.request('/api/auth/login', { method: 'POST', headers, body: payload });
    expect(trusted.status).toBe(200);
    expect(trusted.headers.get('set-cookie')).toMatch(/;\s*Secure/);
    const direct = await s.app.request('/api/auth/login', { method: 'POST', headers, body: payload });
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/);
    const addresses = await s.ctx.db
      .selectFrom('server_sessions')
      .select('address')
      .where('username', '=', 'com2a')
      .orderBy('created_at')
      .execute();
    expect(addresses.map((a) => a.address)).toEqual(['192.0.2.44', '10.0.0.2']);
  });
});
