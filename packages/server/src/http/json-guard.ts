import { findUnstorableText, unstorableReason } from '@flowform/engine';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env';
import { invalidTextProblem } from './invalid-text-problem';
import { problems } from './problem';
import { isForbiddenKey, parseSafeJson, UnsafeJsonError } from './safe-json';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Vets request input before any handler: text PostgreSQL cannot store (NUL, a lone surrogate) in
 * the path, a query parameter or anywhere in a JSON body is `invalid-text` naming where it was;
 * query names that could pollute prototypes are refused; bodies of unsafe methods must be JSON (multipart only where a route declares it), within the depth
 * cap and free of prototype keys. Handlers then read the already-vetted text through `c.req.json()`.
 */
export function jsonGuard(options: { multipart: (path: string) => boolean }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const refuse = (path: string, text: string) => {
      const reason = unstorableReason(text);
      if (reason) throw invalidTextProblem({ path, reason }, c.get('locale'));
    };
    const url = new URL(c.req.url);
    for (const segment of url.pathname.split('/')) refuse('/url', decodeSegment(segment));
    for (const [name, value] of url.searchParams) {
      if (isForbiddenKey(name) || /[[\]]/.test(name))
        throw problems.badRequest(`Query parameter '${name}' is not allowed`);
      refuse(`/${name}`, name);
      refuse(`/${name}`, value);
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
    if (unstorable !== undefined) throw invalidTextProblem(unstorable, c.get('locale'));
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
