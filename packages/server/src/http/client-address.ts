import type { Context } from 'hono';

/**
 * How many proxies in front of the server append to `X-Forwarded-For` and set
 * `X-Forwarded-Proto` (the `trustProxy` setting): 0 trusts no header (the default).
 */
export type TrustedProxies = number;

const lastEntries = (header: string | undefined, hops: number): string | undefined => {
  const entries = (header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - hops)];
};

/**
 * The client's address: the socket's peer, or, behind `hops` trusted proxies, the entry of
 * `X-Forwarded-For` the outermost trusted proxy appended (counted from the right, so a client
 * cannot choose it by sending the header itself). Tests without a socket send `X-Test-Address`.
 */
export function clientAddress(c: Context, hops: TrustedProxies): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const peer = env?.incoming?.socket?.remoteAddress ?? c.req.header('x-test-address') ?? 'local';
  if (hops <= 0) return peer;
  return lastEntries(c.req.header('x-forwarded-for'), hops)?.slice(0, 64) ?? peer;
}

/** `https` or `http`: the request URL's, or, behind trusted proxies, `X-Forwarded-Proto`'s. */
export function requestScheme(c: Context, hops: TrustedProxies): 'http' | 'https' {
  const forwarded =
    hops > 0 ? lastEntries(c.req.header('x-forwarded-proto'), hops)?.toLowerCase() : undefined;
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  return new URL(c.req.url).protocol === 'https:' ? 'https' : 'http';
}
