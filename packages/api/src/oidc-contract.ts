import { z } from '@hono/zod-openapi';
import { apiRoute } from './api-route';
import { json, problemResponses } from './common-schemas';

/** How one may sign in besides a password: the login page shows the organisation button only when `oidc`. */
export const SignInOptionsSchema = z
  .object({ password: z.literal(true), oidc: z.boolean() })
  .openapi('SignInOptions');

/** What the provider sends back to the callback (other parameters, e.g. `session_state`, pass). */
const CallbackQuerySchema = z
  .object({
    code: z.string().max(2048).optional(),
    state: z.string().max(512).optional(),
    iss: z.string().max(2048).optional(),
    error: z.string().max(256).optional(),
    error_description: z.string().max(2048).optional(),
  })
  .loose();

const redirect = (description: string) => ({
  description,
  headers: { Location: { schema: { type: 'string' as const } } },
});

/**
 * `/api/auth/oidc`: sign-in through the organisation's OpenID Connect provider (authorization
 * code with PKCE, state and nonce), offered when the server is configured with an issuer.
 */
export const oidcContract = {
  options: apiRoute(
    {
      method: 'get',
      path: '/api/auth/options',
      tags: ['auth'],
      summary: 'How one may sign in: always a password; `oidc` when an OpenID Connect provider is configured',
      responses: { 200: json(SignInOptionsSchema, 'Sign-in options') },
    },
    'public',
  ),
  start: apiRoute(
    {
      method: 'get',
      path: '/api/auth/oidc/start',
      tags: ['auth'],
      summary:
        'Browser navigation: redirects to the provider with a fresh state, nonce and PKCE challenge, ' +
        'kept on the server against a short-lived HttpOnly cookie (404 `oidc-not-configured` without a provider; ' +
        'provider unreachable: a browser is sent to /login?signin-error=oidc-unavailable, other clients get 502)',
      responses: {
        302: redirect('To the provider'),
        303: redirect('Provider unreachable: to the login page with the reason'),
        ...problemResponses(404, 502),
      },
    },
    'public',
  ),
  callback: apiRoute(
    {
      method: 'get',
      path: '/api/auth/oidc/callback',
      tags: ['auth'],
      summary:
        'Where the provider returns: checks state, exchanges the code with the PKCE verifier, checks the ' +
        'ID token and its nonce, finds the directory user and starts the same session as a password sign-in, ' +
        'then redirects to the app. Refusals (`oidc-state-mismatch`, `oidc-failed`, `oidc-unknown-user`, ' +
        '`oidc-user-disabled`) redirect a browser to /login?signin-error=CODE and answer other clients a problem',
      request: { query: CallbackQuerySchema },
      responses: {
        303: redirect('Signed in (to the app) or refused (to the login page with the reason)'),
        ...problemResponses(400, 403, 404),
      },
    },
    'public',
  ),
};
