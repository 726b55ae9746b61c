import type { MiddlewareHandler } from 'hono';
import { problems } from './problem';
import { isForbiddenKey, parseSafeJson, UnsafeJsonError } from './safe-json';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Vets request input before any handler: query names that could pollute prototypes are refused;
 * bodies of unsafe methods must be JSON (multipart only where a route declares it), within the depth
 * cap and free of prototype keys. Handlers then read the already-vetted text through `c.req.json()`.
 */
export function jsonGuard(options: { multipart: (path: string) => boolean }): MiddlewareHandler {
  return async (c, next) => {
    for (const name of new URL(c.req.url).searchParams.keys()) {
      if (isForbiddenKey(name) || /[[\]]/.test(name))
        throw problems.badRequest(`Query parameter '${name}' is not allowed`);
    }
    if (!UNSAFE.has(c.req.method) || !c.req.raw.body) return next();
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type === 'multipart/form-data' && options.multipart(c.req.path)) return next();
    if (type !== 'application/json') {
      const text = await c.req.text();
      if (text.length === 0) return next();
      throw problems.unsupportedMedia('application/json');
    }
    const text = await c.req.text();
    if (text.trim().length === 0) return next();
    try {
      parseSafeJson(text);
    } catch (error) {
      if (error instanceof UnsafeJsonError) throw problems.badRequest(error.message);
      throw error;
    }
    return next();
  };
}
