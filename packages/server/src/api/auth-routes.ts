import { authContract as contract } from '@flowform/api';
import { deleteCookie } from 'hono/cookie';
import { DUMMY_HASH, verifyPassword } from '../auth/password';
import { mustChangePassword } from '../auth/password-accounts';
import { startSession } from './session-start';
import { SESSION_COOKIE } from '../http/authenticate';
import { clientAddress } from '../http/client-address';
import { ApiProblem, problems } from '../http/problem';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';
import { meView } from '../services/me-view';

/**
 * `POST /api/auth/login`: public, throttled per (account, address) and per address in the
 * database (refused before any hashing while a delay runs); every attempt is logged with the
 * username and the client's address.
 */
export function loginRoutes(ctx: ServerContext) {
  return newRouter().openapi(contract.login, async (c) => {
    const { username, password } = c.req.valid('json');
    const address = clientAddress(c, ctx.config.trustProxy);
    const log = c.get('log');
    const wait = await ctx.throttle.retryAfter(username, address);
    if (wait > 0) {
      log.warn('login throttled', { user: username, address, retryAfter: wait });
      throw problems.tooManyRequests(wait);
    }
    const row = await ctx.db
      .selectFrom('directory_users')
      .select(['username', 'password_hash', 'disabled'])
      .where('username', '=', username)
      .executeTakeFirst();
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.disabled) {
      await ctx.throttle.fail(username, address);
      log.warn('login failed', { user: username, address, known: !!row });
      throw new ApiProblem(401, 'invalid-credentials', 'Wrong username or password');
    }
    await ctx.throttle.succeed(username, address);
    const token = await startSession(c, ctx, row.username, address);
    const mustChange = await mustChangePassword(ctx.db, row.username);
    log.info('login', { user: row.username, address, method: 'password', mustChangePassword: mustChange });
    const directory = await ctx.runtime.directoryAt(await directoryVersion(ctx));
    return c.json({ token, user: meView(directory, row.username, mustChange) }, 200);
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

async function directoryVersion(ctx: ServerContext): Promise<string> {
  const row = await ctx.db.selectFrom('directory_meta').select('version').executeTakeFirstOrThrow();
  return String(row.version);
}
