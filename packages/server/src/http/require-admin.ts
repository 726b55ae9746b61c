import type { RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { problems } from './problem';

/** Administrators only (role `administrator`, as held at this request). Others get 403. */
export function requireAdmin(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('user').isAdmin) throw problems.forbidden('Administrators only');
    await next();
  };
}

/** A route of the contract, for administrators only: `newRouter().openapi(adminOnly(route), handler)`. */
export function adminOnly<R extends RouteConfig>(route: R): R & { middleware: [MiddlewareHandler<AppEnv>] } {
  return { ...route, middleware: [requireAdmin()] };
}
