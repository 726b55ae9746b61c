/** How many failed logins are tolerated per window, per account and per client address. */
export interface ThrottleOptions {
  perAccount: number;
  perAddress: number;
  windowMs: number;
  /** Injected clock (tests). */
  now?: () => number;
}

const DEFAULTS: ThrottleOptions = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };
const MAX_KEYS = 100_000;

/**
 * Counts failed logins in a fixed window per account and per address; once either reaches its
 * limit, further attempts are refused (429) until the window ends, even with the right password.
 * In memory: each server process throttles on its own.
 */
export class LoginThrottle {
  private readonly opts: ThrottleOptions;
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.opts = { ...DEFAULTS, ...options };
  }

  /** Seconds until the caller may try again, or 0 when an attempt is allowed now. */
  retryAfter(username: string, address: string): number {
    const now = this.clock();
    const waits = [
      this.wait(`u:${username.toLowerCase()}`, this.opts.perAccount, now),
      this.wait(`a:${address}`, this.opts.perAddress, now),
    ];
    return Math.max(...waits);
  }

  /** Records a failed attempt against both the account and the address. */
  fail(username: string, address: string): void {
    const now = this.clock();
    if (this.failures.size > MAX_KEYS) this.prune(now);
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      const entry = this.failures.get(key);
      if (!entry || now - entry.since >= this.opts.windowMs) this.failures.set(key, { count: 1, since: now });
      else entry.count += 1;
    }
  }

  /** A successful login clears the account's count (not the address's). */
  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }

  private wait(key: string, limit: number, now: number): number {
    const entry = this.failures.get(key);
    if (!entry || entry.count < limit) return 0;
    const left = entry.since + this.opts.windowMs - now;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.failures) {
      if (now - entry.since >= this.opts.windowMs) this.failures.delete(key);
    }
  }

  private clock(): number {
    return this.opts.now?.() ?? Date.now();
  }
}
