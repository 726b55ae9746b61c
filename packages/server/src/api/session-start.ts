import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env';
import { SESSION_COOKIE } from '../http/authenticate';
import { requestScheme } from '../http/client-address';
import type { ServerContext } from '../server-context';

/**
 * A new session for `username`, whichever way they proved who they are (password or the
 * organisation's provider): stored with the address and user agent, and set as the HttpOnly
 * SameSite=Strict cookie (Secure on https). Answers the bearer token.
 */
export async function startSession(
  c: Context<AppEnv>,
  ctx: ServerContext,
  username: string,
  address: string,
): Promise<string> {
  const token = await ctx.sessions.create(username, { address, userAgent: c.req.header('user-agent') });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: requestScheme(c, ctx.config.trustProxy) === 'https',
    maxAge: ctx.config.sessionTtlSeconds,
  });
  return token;
}
