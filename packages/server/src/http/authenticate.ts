import type { CaseRuntime } from '@flowform/runtime';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { SessionStore } from '../auth/session-store';
import type { AppEnv } from './app-env';
import { checkCsrf } from './csrf';
import { problems } from './problem';

/** The session cookie's name. */
export const SESSION_COOKIE = 'ff_session';

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie on every request: the
 * session, the user's disabled flag and the directory version are read fresh each time, so logout,
 * disabling and role changes take effect on the very next request. Cookie writes are CSRF-checked.
 * A user whose one-time password is not yet changed gets 403 `password-change-required` everywhere
 * but the routes `whilePasswordMustChange` lists ("METHOD /path").
 */
export function authenticate(deps: {
  sessions: SessionStore;
  runtime: CaseRuntime;
  allowedOrigins: string[];
  whilePasswordMustChange: ReadonlySet<string>;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (!token) throw problems.unauthenticated();
    const session = await deps.sessions.lookup(token);
    if (!session) throw problems.unauthenticated();
    if (!bearer) checkCsrf(c, deps.allowedOrigins);
    const directory = await deps.runtime.directoryAt(session.directoryVersion);
    const roles = directory.rolesOf(session.username);
    c.set('user', {
      username: session.username,
      sessionId: session.sessionId,
      via: bearer ? 'bearer' : 'cookie',
      directory,
      roles,
      isAdmin: roles.some((r) => r.role === 'administrator'),
      mustChangePassword: session.mustChangePassword,
    });
    if (session.mustChangePassword && !deps.whilePasswordMustChange.has(`${c.req.method} ${c.req.path}`))
      throw problems.passwordChangeRequired(c.get('locale'));
    await next();
  };
}
