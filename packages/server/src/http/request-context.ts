import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import type { Logger } from './logger';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Gives every request an id (the caller's `X-Request-Id` if sane), a child logger, and one access log line. */
export function requestContext(log: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && SAFE_ID.test(given) ? given : randomUUID();
    const child = log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', child);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    child.info('request', {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('user')?.username,
    });
  };
}
