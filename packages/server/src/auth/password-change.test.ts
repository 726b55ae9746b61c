import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;

describe('passwords: change, one-time passwords, policy, administrator reset', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer({ bundles: [] });
  }, 60_000);
  afterAll(() => s.close());

  const signIn = (username: string, password: string, address = '10.9.0.1') =>
    s.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-address': address },
      body: JSON.stringify({ username, password }),
    });
  const bearer = (token: string, extra: Record<string, string> = {}) => ({
    authorization: `Bearer ${token}`,
    ...extra,
  });
  const change = (token: string, current: string, next: string, language = 'zh-CN') =>
    s.call('POST', '/api/me/password', {
      headers: bearer(token, { 'accept-language': language }),
      body: { current, next },
    });

  it('given an administrator resets a password, when the one-time password is used, then it works once, must be changed first, and the old sessions and password are gone', async () => {
    const old = await s.login('sec1');
    const reset = await s.call('POST', '/api/admin/users/sec1/password-reset', { as: 'admin' });
    expect(reset.status).toBe(200);
    const { oneTimePassword } = await body(reset);
    expect(oneTimePassword).toMatch(/^[A-Za-z0-9_-]{20}$/);
    expect((await s.call('GET', '/api/me', { headers: bearer(old) })).status).toBe(401);
    s.forget('sec1');
    expect((await signIn('sec1', 'flowform')).status).toBe(401);

    const first = await signIn('sec1', oneTimePassword);
    expect(first.status).toBe(200);
    const { token, user } = await body(first);
    expect(user.mustChangePassword).toBe(true);
    const tasks = await s.call('GET', '/api/tasks', { headers: bearer(token) });
    expect(tasks.status).toBe(403);
    expect((await body(tasks)).code).toBe('password-change-required');
    const me = await s.call('GET', '/api/me', { headers: bearer(token) });
    expect((await body(me)).mustChangePassword).toBe(true);

    expect((await change(token, oneTimePassword, 'Brighter-Oilfield-42')).status).toBe(204);
    expect((await s.call('GET', '/api/tasks', { headers: bearer(token) })).status).toBe(200);
    expect((await body(await s.call('GET', '/api/me', { headers: bearer(token) }))).mustChangePassword).toBe(
      false,
    );
    expect((await signIn('sec1', oneTimePassword)).status).toBe(401);
    const again = await signIn('sec1', 'Brighter-Oilfield-42');
    expect(again.status).toBe(200);
    expect((await body(again)).user.mustChangePassword).toBe(false);
  });

  it('given a new password that breaks the policy, when changing, then 422 password-policy names each broken rule in the caller’s language', async () => {
    const token = await s.login('w001');
    const short = await change(token, 'flowform', 'short1');
    expect(short.status).toBe(422);
    const problem = await body(short);
    expect(problem.code).toBe('password-policy');
    expect(problem.errors).toEqual([
      { path: '/next', keyword: 'too-short', message: '密码至少需要 10 个字符' },
    ]);

    const named = await body(await change(token, 'flowform', 'my-w001-password', 'en'));
    expect(named.errors).toEqual([
      { path: '/next', keyword: 'contains-username', message: 'The password must not contain the username' },
    ]);
    const common = await body(await change(token, 'flowform', 'Password123', 'en'));
    expect(common.errors.map((e: { keyword: string }) => e.keyword)).toEqual(['too-common']);
    const same = await body(await change(token, 'flowform', 'flowform'));
    expect(same.errors.map((e: { keyword: string }) => e.keyword).sort()).toEqual([
      'same-as-current',
      'too-common',
      'too-short',
    ]);
    expect((await signIn('w001', 'flowform', '10.9.0.2')).status).toBe(200);
  });

  it('given a wrong current password, when changing, then 422 wrong-password and nothing changes', async () => {
    const token = await s.login('w002');
    const wrong = await change(token, 'not-my-password', 'Quiet-Pumpjack-77', 'en');
    expect(wrong.status).toBe(422);
    expect(await body(wrong)).toMatchObject({
      code: 'wrong-password',
      errors: [{ path: '/current', keyword: 'wrong-password', message: 'The current password is wrong' }],
    });
    expect((await signIn('w002', 'flowform', '10.9.0.3')).status).toBe(200);
  });

  it('given any user changes their password, when done, then their other sessions end and this one stays', async () => {
    const other = await body(await signIn('w003', 'flowform', '10.9.0.4'));
    const token = await s.login('w003');
    expect((await change(token, 'flowform', 'Steady-Wellhead-19')).status).toBe(204);
    expect((await s.call('GET', '/api/me', { headers: bearer(other.token) })).status).toBe(401);
    expect((await s.call('GET', '/api/me', { headers: bearer(token) })).status).toBe(200);
    expect((await signIn('w003', 'flowform', '10.9.0.4')).status).toBe(401);
    expect((await signIn('w003', 'Steady-Wellhead-19', '10.9.0.4')).status).toBe(200);
  });

  it('given a non-administrator or an unknown user, when resetting, then 403 and 404', async () => {
    expect((await s.call('POST', '/api/admin/users/w004/password-reset', { as: 'sec2' })).status).toBe(403);
    const missing = await s.call('POST', '/api/admin/users/nobody/password-reset', { as: 'admin' });
    expect(missing.status).toBe(404);
    expect((await signIn('w004', 'flowform', '10.9.0.5')).status).toBe(200);
  });

  it('given a reset, when audited, then the administrators’ log names who reset whom', async () => {
    await s.call('POST', '/api/admin/users/w005/password-reset', { as: 'admin' });
    const rows = await s.ctx.db
      .selectFrom('admin_audit')
      .select(['actor', 'action', 'target'])
      .where('action', '=', 'password-reset')
      .execute();
    expect(rows).toContainEqual({ actor: 'admin', action: 'password-reset', target: 'w005' });
  });
});
