import { oidcContract as contract } from '@flowform/api';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { OidcPendingStore } from '../auth/oidc-pending-store';
import { OidcRefusal, OidcSignIn } from '../auth/oidc-sign-in';
import { startSession } from './session-start';
import type { AppEnv } from '../http/app-env';
import { clientAddress, requestScheme } from '../http/client-address';
import { ApiProblem, problemResponse } from '../http/problem';
import type { ProblemCode } from '../http/problem-catalog';
import { newRouter } from '../http/router';
import type { ServerContext } from '../server-context';

/** The browser's handle on its sign-in at the provider; Lax, so the provider's redirect back carries it. */
const PENDING_COOKIE = 'ff_oidc';
const CALLBACK_PATH = contract.callback.path;

type Refusable =
  | 'oidc-unavailable'
  | 'oidc-state-mismatch'
  | 'oidc-failed'
  | 'oidc-unknown-user'
  | 'oidc-user-disabled';

const REFUSALS: Record<Refusable, { status: 400 | 403 | 502; title: string }> = {
  'oidc-unavailable': { status: 502, title: 'The sign-in provider cannot be reached' },
  'oidc-state-mismatch': { status: 400, title: 'The sign-in did not come back as it left' },
  'oidc-failed': { status: 400, title: 'Sign-in through the organisation failed' },
  'oidc-unknown-user': { status: 403, title: 'No such user in the directory' },
  'oidc-user-disabled': { status: 403, title: 'The user is disabled' },
};

/**
 * Sign-in through the organisation's OpenID Connect provider (config/oidc-config.ts):
 * `GET /api/auth/options` (public: the login page shows the organisation button when configured),
 * `GET /api/auth/oidc/start` and `GET /api/auth/oidc/callback` (browser navigations). The user the
 * provider names is looked up in the directory by the configured claim and field; an unknown or
 * disabled user is refused. Success starts the same session as a password sign-in; every attempt
 * is logged like one, with the method.
 */
export function oidcRoutes(ctx: ServerContext) {
  const settings = ctx.config.oidc;
  const signIn = settings ? new OidcSignIn(settings) : undefined;
  const pending = new OidcPendingStore(ctx.db);
  const notConfigured = () =>
    new ApiProblem(404, 'oidc-not-configured', 'No OpenID Connect provider is configured');

  return newRouter()
    .openapi(contract.options, (c) => c.json({ password: true as const, oidc: !!signIn }, 200))
    .openapi(contract.start, async (c) => {
      if (!signIn) throw notConfigured();
      let begun: Awaited<ReturnType<OidcSignIn['begin']>>;
      try {
        begun = await signIn.begin();
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        c.get('log').warn('oidc provider unreachable', { detail });
        return refusal(c, 'oidc-unavailable', detail);
      }
      const { url, checks } = begun;
      const handle = await pending.put(checks);
      setCookie(c, PENDING_COOKIE, handle, {
        httpOnly: true,
        sameSite: 'Lax',
        path: CALLBACK_PATH,
        secure: requestScheme(c, ctx.config.trustProxy) === 'https',
        maxAge: 600,
      });
      return c.redirect(url.href, 302);
    })
    .openapi(contract.callback, async (c) => {
      if (!signIn || !settings) throw notConfigured();
      const address = clientAddress(c, ctx.config.trustProxy);
      const log = c.get('log');
      const refuse = (code: Refusable, detail: string, user?: string) => {
        log.warn('login failed', { user, address, method: 'oidc', reason: code, detail });
        return refusal(c, code, detail);
      };
      const checks = await pending.take(getCookie(c, PENDING_COOKIE));
      deleteCookie(c, PENDING_COOKIE, { path: CALLBACK_PATH });
      if (!checks)
        return refuse('oidc-state-mismatch', 'No sign-in is waiting for this browser (expired or used)');
      let found: { subject: string; value: string | undefined };
      try {
        found = await signIn.finish(new URL(c.req.url).searchParams, checks);
      } catch (error) {
        if (error instanceof OidcRefusal) return refuse(error.code, error.message);
        throw error;
      }
      if (!found.value)
        return refuse(
          'oidc-unknown-user',
          `The provider's answer has no '${settings.claim}' claim`,
          found.subject,
        );
      const rows = await ctx.db
        .selectFrom('directory_users')
        .select(['username', 'disabled'])
        .where(settings.matchField, '=', found.value)
        .limit(2)
        .execute();
      const row = rows.length === 1 ? rows[0] : undefined;
      if (!row) {
        const why = rows.length > 1 ? 'More than one directory user has' : 'No directory user has';
        return refuse('oidc-unknown-user', `${why} ${settings.matchField} '${found.value}'`, found.value);
      }
      if (row.disabled)
        return refuse('oidc-user-disabled', `The user ${row.username} is disabled`, row.username);
      await startSession(c, ctx, row.username, address);
      log.info('login', { user: row.username, address, method: 'oidc', subject: found.subject });
      return c.redirect('/', 303);
    });
}

/** A browser goes back to the login page, which names the reason; another client gets the problem. */
function refusal(c: Context<AppEnv>, code: Refusable, detail: string) {
  const { status, title } = REFUSALS[code];
  if ((c.req.header('accept') ?? '').includes('text/html'))
    return c.redirect(`/login?signin-error=${code}`, 303);
  return problemResponse(c, new ApiProblem(status, code satisfies ProblemCode, title, detail)) as never;
}
