import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import { problemResponses } from './common-schemas';

/** Who may call a route: anyone (sign-in, demo information) or only a signed-in user. */
export type RouteAccess = 'signed-in' | 'public';

type Status = Parameters<typeof problemResponses>[number];

/**
 * The problems the middleware in front of every route can answer, so the document says what a
 * client may meet before its handler runs: `400` (a refused query name, text that cannot be
 * stored, a malformed body or `Idempotency-Key`) everywhere; `401` and `403`
 * (`password-change-required`: a one-time password not yet changed) where a session is needed; on
 * unsafe methods `413` and `415` (body limit and media type) and, for signed-in users, `403` (also
 * a cookie without `X-Requested-With`), `409` (the same key still running) and `422` (a key reused).
 */
export function middlewareStatuses(method: RouteConfig['method'], access: RouteAccess): Status[] {
  const signedIn = access === 'signed-in';
  const statuses: Status[] = [400];
  if (signedIn) statuses.push(401, 403);
  if (method !== 'get' && method !== 'head' && method !== 'options') {
    statuses.push(413, 415);
    if (signedIn) statuses.push(409, 422);
  }
  return statuses;
}

/**
 * A route of the API: `createRoute` with the middleware's problems declared once, here, beside
 * each route's own responses (which win where both name a status).
 */
export function apiRoute<const R extends RouteConfig>(config: R, access: RouteAccess = 'signed-in') {
  return createRoute({
    ...config,
    responses: { ...problemResponses(...middlewareStatuses(config.method, access)), ...config.responses },
  });
}
