import { authContract as contract } from '@flowform/api';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { DUMMY_HASH, verifyPassword } from '../auth/password';
import type { AppEnv } from '../http/app-env';
import { SESSION_COOKIE } from '../http/authenticate';
import { ApiProblem, problems } from '../http/problem';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { meView } from '../services/me-view';

/** `POST /api/auth/login`: public, throttled per account and per address. */
export function loginRoutes(ctx: ServerContext) {
  return newRouter().openapi(contract.login, async (c) => {
    const { username, password } = c.req.valid('json');
    const address = clientAddress(c);
    const wait = ctx.throttle.retryAfter(username, address);
    if (wait > 0) throw problems.tooManyRequests(wait);
    const row = await ctx.db
      .selectFrom('directory_users')
      .select(['username', 'password_hash', 'disabled'])
      .where('username', '=', username)
      .executeTakeFirst();
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) {
      ctx.throttle.fail(username, address);
      throw new ApiProblem(401, 'invalid-credentials', 'Wrong username or password');
    }
    ctx.throttle.succeed(username);
    const token = await ctx.sessions.create(row.username, { address, userAgent: c.req.header('user-agent') });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      maxAge: ctx.config.sessionTtlSeconds,
    });
    c.get('log').info('login', { user: row.username });
    const directory = await ctx.runtime.directoryAt(await directoryVersion(ctx));
    return c.json({ token, user: meView(directory, row.username) }, 200);
  });
}

/** `POST /api/auth/logout` (authenticated). */
export function logoutRoutes(ctx: ServerContext) {
  return newRouter().openapi(contract.logout, async (c) => {
    await ctx.sessions.revoke(c.get('user').sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });
}

/** The peer address as the socket saw it (no proxy headers are trusted). */
function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? c.req.header('x-test-address') ?? 'local';
}

async function directoryVersion(ctx: ServerContext): Promise<string> {
  const row = await ctx.db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow();
  return String(row.version);
}
