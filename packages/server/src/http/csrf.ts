import type { Context } from 'hono';
import { problems } from './problem';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must prove they come from our own pages: a custom header
 * (`X-Requested-With`, which a cross-site form cannot set and we never allow through CORS) and, when
 * the browser says where it came from, our own origin. SameSite=Strict on the cookie is the first line.
 */
export function checkCsrf(c: Context, allowedOrigins: string[]): void {
  if (SAFE.has(c.req.method)) return;
  if (!c.req.header('x-requested-with'))
    throw problems.forbidden('Cookie requests must send X-Requested-With');
  if (c.req.header('sec-fetch-site') === 'cross-site') throw problems.forbidden('Cross-site request refused');
  const origin = c.req.header('origin');
  if (origin && origin !== 'null') {
    const own = new URL(c.req.url).origin;
    const host = c.req.header('host');
    const sameHost = host !== undefined && safeHost(origin) === host;
    if (origin !== own && !sameHost && !allowedOrigins.includes(origin))
      throw problems.forbidden('Cross-origin request refused');
  } else if (origin === 'null') throw problems.forbidden('Opaque origin refused');
}

function safeHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
