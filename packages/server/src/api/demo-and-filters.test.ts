import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

describe('demo mode and saved filters', () => {
  let plain: Server;
  let demo: Server;

  beforeAll(async () => {
    [plain, demo] = await Promise.all([openTestServer(), openTestServer({ config: { demo: true } })]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([plain.close(), demo.close()]);
  });

  it('given a server not in demo mode, when the login page asks, then no accounts or password are listed', async () => {
    const res = await plain.call('GET', '/api/auth/demo');
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ demo: false, accounts: [] });
  });

  it('given demo mode, when the login page asks without signing in, then the demo accounts and password are listed', async () => {
    const info = await body(await demo.call('GET', '/api/auth/demo'));
    expect(info.demo).toBe(true);
    expect(info.password).toBe('flowform');
    expect(info.accounts.map((a: { username: string }) => a.username)).toEqual(
      expect.arrayContaining(['admin', 'sec1', 'leader1']),
    );
    const sec1 = info.accounts.find((a: { username: string }) => a.username === 'sec1');
    expect(sec1.roles[0]).toMatchObject({
      role: 'branchSecretary',
      unit: 'branch-1',
      roleName: { en: 'branch secretary' },
    });
  });

  it('given a user, when they save filters, then they read them back on any device and others see only their own', async () => {
    const items = [
      { name: '逾期的爱心助困', filter: { definitionKey: 'hardship-assistance', due: 'overdue' } },
    ];
    expect((await plain.call('GET', '/api/me/saved-filters', { as: 'sec1' })).status).toBe(200);
    const saved = await plain.call('PUT', '/api/me/saved-filters', { as: 'sec1', body: { items } });
    expect(saved.status).toBe(200);
    expect(await body(await plain.call('GET', '/api/me/saved-filters', { as: 'sec1' }))).toEqual({ items });
    expect(await body(await plain.call('GET', '/api/me/saved-filters', { as: 'sec2' }))).toEqual({
      items: [],
    });
  });

  it('given bad filters or no session, when saved, then 4xx and nothing changes', async () => {
    const bad = await plain.call('PUT', '/api/me/saved-filters', {
      as: 'sec3',
      body: { items: [{ name: 'x', filter: { evil: 1 } }] },
    });
    expect([400, 422]).toContain(bad.status);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await plain.call('GET', '/api/me/saved-filters')).status).toBe(401);
    expect(await body(await plain.call('GET', '/api/me/saved-filters', { as: 'sec3' }))).toEqual({
      items: [],
    });
  });
});
