import type { MiddlewareHandler } from 'hono';
import { problems } from './problem';
import { isForbiddenKey, parseSafeJson, UnsafeJsonError } from './safe-json';
import { findUnstorableText, isUnstorableText } from './storable-text';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Vets request input before any handler: text PostgreSQL cannot store (NUL, a lone surrogate) in
 * the path, a query parameter or anywhere in a JSON body is `invalid-text` naming where it was;
 * query names that could pollute prototypes are refused; bodies of unsafe methods must be JSON (multipart only where a route declares it), within the depth
 * cap and free of prototype keys. Handlers then read the already-vetted text through `c.req.json()`.
 */
export function jsonGuard(options: { multipart: (path: string) => boolean }): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.pathname.split('/').some((segment) => isUnstorableText(decodeSegment(segment))))
      throw problems.invalidText('/url', 'path');
    for (const [name, value] of url.searchParams) {
      if (isForbiddenKey(name) || /[[\]]/.test(name))
        throw problems.badRequest(`Query parameter '${name}' is not allowed`);
      if (isUnstorableText(name) || isUnstorableText(value)) throw problems.invalidText(`/${name}`, 'query');
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
    let body: unknown;
    try {
      body = parseSafeJson(text);
    } catch (error) {
      if (error instanceof UnsafeJsonError) throw problems.badRequest(error.message);
      throw error;
    }
    const unstorable = findUnstorableText(body);
    if (unstorable !== undefined) throw problems.invalidText(unstorable, 'body');
    return next();
  };
}

/** A path segment as the router will read it; one that does not decode stays as sent. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
