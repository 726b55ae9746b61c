import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createLogger } from '../http/logger';
import { startOidcTestProvider, TEST_OIDC_CLIENT } from '../testing/oidc-test-provider';
import { body, openTestServer } from '../testing/test-server';

const PUBLIC_URL = 'http://127.0.0.1:3999';
const REDIRECT_URI = `${PUBLIC_URL}/api/auth/oidc/callback`;

/** Accounts at the organisation's provider: two directory users, one the directory never heard of. */
const ACCOUNTS = {
  'emp-0001': { preferred_username: 'sec1', name: 'Secretary One' },
  'emp-0002': { preferred_username: 'w002', name: 'Worker Two (disabled here)' },
  'emp-9999': { preferred_username: 'stranger', name: 'Not in the directory' },
  'emp-0003': { preferred_username: 'someone-else', phone_number: '13900000003' },
  'emp-0004': { preferred_username: 'shared-phone', phone_number: '13900000004' },
};

describe('sign-in through an OpenID Connect provider', () => {
  let provider: Awaited<ReturnType<typeof startOidcTestProvider>>;
  let s: Awaited<ReturnType<typeof openTestServer>>;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    provider = await startOidcTestProvider(REDIRECT_URI, ACCOUNTS);
    s = await openTestServer({
      log: createLogger((line) => logs.push(JSON.parse(line))),
      config: {
        publicUrl: PUBLIC_URL,
        oidc: {
          issuer: provider.issuer,
          ...TEST_OIDC_CLIENT,
          claim: 'preferred_username',
          matchField: 'username',
          scope: 'openid profile',
          redirectUri: REDIRECT_URI,
        },
      },
    });
    await s.ctx.db
      .updateTable('directory_users')
      .set({ disabled: true })
      .where('username', '=', 'w002')
      .execute();
    await s.ctx.db
      .updateTable('directory_users')
      .set({ phone: '13900000003' })
      .where('username', '=', 'w003')
      .execute();
    await s.ctx.db
      .updateTable('directory_users')
      .set({ phone: '13900000004' })
      .where('username', 'in', ['w004', 'w005'])
      .execute();
  }, 60_000);
  afterAll(async () => {
    await s?.close();
    await provider?.close();
  });

  /** The browser pressing the organisation button: the provider's URL and the pending cookie. */
  async function start() {
    const res = await s.app.request('/api/auth/oidc/start');
    expect(res.status).toBe(302);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    return { location: res.headers.get('location')!, cookie, setCookie: res.headers.get('set-cookie') ?? '' };
  }

  /** The provider's redirect arriving at the callback with the browser's cookie. */
  const callback = (url: URL, cookie: string, accept = 'application/json') =>
    s.app.request(`${url.pathname}${url.search}`, {
      headers: { cookie, accept, 'x-test-address': '10.9.0.1' },
    });

  it('given a provider, when the login page asks, then it is told organisation sign-in is offered; without one, not', async () => {
    expect(await body(await s.app.request('/api/auth/options'))).toEqual({ password: true, oidc: true });
    const without = createApp({ ...s.ctx, config: { ...s.ctx.config, oidc: undefined } });
    expect(await body(await without.request('/api/auth/options'))).toEqual({ password: true, oidc: false });
    const refused = await without.request('/api/auth/oidc/start');
    expect(refused.status).toBe(404);
    expect((await body(refused)).code).toBe('oidc-not-configured');
  });

  it('given the start, when read, then it sends the browser to the provider with a fresh state, nonce and S256 PKCE challenge, the handle in a Lax HttpOnly cookie', async () => {
    const a = await start();
    const b = await start();
    const url = new URL(a.location);
    expect(url.origin).toBe(provider.issuer);
    expect(url.searchParams.get('client_id')).toBe(TEST_OIDC_CLIENT.clientId);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    for (const name of ['state', 'nonce', 'code_challenge'])
      expect(url.searchParams.get(name)).not.toBe(new URL(b.location).searchParams.get(name));
    expect(a.setCookie).toMatch(/^ff_oidc=[\w-]{40,};/);
    expect(a.setCookie).toMatch(/HttpOnly/);
    expect(a.setCookie).toMatch(/SameSite=Lax/);
    expect(a.setCookie).toMatch(/Path=\/api\/auth\/oidc\/callback/);
  });

  it('given a directory user signed in at the provider, when the provider sends the browser back, then the same session as a password sign-in starts, logged with the method', async () => {
    const { location, cookie } = await start();
    const back = await provider.signIn(location, 'emp-0001');
    const res = await callback(back, cookie, 'text/html');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const session = /ff_session=([\w-]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
    expect(session).toBeDefined();
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const me = await s.app.request('/api/me', { headers: { cookie: `ff_session=${session}` } });
    expect(me.status).toBe(200);
    expect((await body(me)).username).toBe('sec1');
    const row = await s.ctx.db
      .selectFrom('server_sessions')
      .select(['username', 'address'])
      .where('revoked_at', 'is', null)
      .where('address', '=', '10.9.0.1')
      .executeTakeFirstOrThrow();
    expect(row.username).toBe('sec1');
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'login',
        user: 'sec1',
        address: '10.9.0.1',
        method: 'oidc',
        subject: 'emp-0001',
      }),
    );

    const replay = await callback(back, cookie);
    expect(replay.status).toBe(400);
    expect((await body(replay)).code).toBe('oidc-state-mismatch');
  });

  it('given a callback whose state is not the one sent, when it arrives, then it is refused with oidc-state-mismatch and no session starts', async () => {
    const { location, cookie } = await start();
    const back = await provider.signIn(location, 'emp-0001');
    const forged = new URL(back);
    forged.searchParams.set('state', 'attacker-chosen-state');
    const res = await callback(forged, cookie);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await body(res)).code).toBe('oidc-state-mismatch');
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/ff_session=[\w-]+/);

    const noCookie = await callback(back, '');
    expect((await body(noCookie)).code).toBe('oidc-state-mismatch');
  });

  it('given an ID token minted for another nonce, when the code is exchanged, then the sign-in fails on the nonce', async () => {
    const { location, cookie } = await start();
    const tampered = new URL(location);
    tampered.searchParams.set('nonce', 'a-nonce-this-browser-never-made');
    const back = await provider.signIn(tampered.href, 'emp-0001');
    const res = await callback(back, cookie);
    expect(res.status).toBe(400);
    const problem = await body(res);
    expect(problem.code).toBe('oidc-failed');
    expect(problem.detailEn).toMatch(/nonce/);
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/ff_session=[\w-]+/);
  });

  it('given a provider account with no directory user, when it comes back, then 403 oidc-unknown-user for a client and the login page with the reason for a browser, logged as a failure', async () => {
    const first = await start();
    const res = await callback(await provider.signIn(first.location, 'emp-9999'), first.cookie);
    expect(res.status).toBe(403);
    const problem = await body(res);
    expect(problem.code).toBe('oidc-unknown-user');
    expect(problem.detailEn).toContain("'stranger'");

    const second = await start();
    const page = await callback(
      await provider.signIn(second.location, 'emp-9999'),
      second.cookie,
      'text/html',
    );
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?signin-error=oidc-unknown-user');
    expect(logs).toContainEqual(
      expect.objectContaining({
        msg: 'login failed',
        user: 'stranger',
        method: 'oidc',
        reason: 'oidc-unknown-user',
      }),
    );
  });

  it('given a disabled directory user, when they come back from the provider, then 403 oidc-user-disabled and no session', async () => {
    const { location, cookie } = await start();
    const res = await callback(await provider.signIn(location, 'emp-0002'), cookie);
    expect(res.status).toBe(403);
    expect((await body(res)).code).toBe('oidc-user-disabled');
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/ff_session=[\w-]+/);
  });

  it('given matching by phone, when a provider account comes back with a phone number, then the one directory user with that phone signs in; a phone two people share signs nobody in', async () => {
    const byPhone = createApp({
      ...s.ctx,
      config: {
        ...s.ctx.config,
        oidc: { ...s.ctx.config.oidc!, claim: 'phone_number', matchField: 'phone', scope: 'openid phone' },
      },
    });
    const signInByPhone = async (account: string) => {
      const started = await byPhone.request('/api/auth/oidc/start');
      const cookie = (started.headers.get('set-cookie') ?? '').split(';')[0]!;
      const back = await provider.signIn(started.headers.get('location')!, account);
      return byPhone.request(`${back.pathname}${back.search}`, { headers: { cookie } });
    };
    const ok = await signInByPhone('emp-0003');
    expect(ok.status).toBe(303);
    const session = /ff_session=([\w-]+)/.exec(ok.headers.get('set-cookie') ?? '')?.[1];
    const me = await byPhone.request('/api/me', { headers: { cookie: `ff_session=${session}` } });
    expect((await body(me)).username).toBe('w003');

    const shared = await signInByPhone('emp-0004');
    expect(shared.status).toBe(403);
    const problem = await body(shared);
    expect(problem.code).toBe('oidc-unknown-user');
    expect(problem.detailEn).toContain('More than one directory user has phone');
  });
});
