import { sql } from 'kysely';
import type { ServerDb } from '../database/server-schema';

/** How failed sign-ins slow down further attempts. */
export interface ThrottleOptions {
  /** Failures of one account from one address before delays start. */
  freeFailures: number;
  /** The first delay; each further failure doubles it … */
  baseDelayMs: number;
  /** … up to this. */
  maxDelayMs: number;
  /** Failures from one address (any accounts) per window before the address is refused. */
  perAddress: number;
  addressWindowMs: number;
  /** An (account, address) pair quiet this long starts again from zero. */
  forgetAfterMs: number;
  /** Injected clock (tests). */
  now?: () => number;
}

const DEFAULTS: ThrottleOptions = {
  freeFailures: 5,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
  perAddress: 50,
  addressWindowMs: 15 * 60 * 1000,
  forgetAfterMs: 24 * 3600 * 1000,
};

const MAX_ADDRESS = 64;

/**
 * Throttles sign-ins in the database, so every process shares the counters and a restart keeps
 * them. Per (account, address): after `freeFailures` failures each further one doubles a delay
 * (1 s, 2 s, 4 s … capped at 15 minutes) during which that pair is refused, even with the right
 * password. Per address: more than `perAddress` failures in a window refuse the address. Never a
 * lock of the account from everywhere: the same account from another address is not slowed, so
 * nobody can lock the administrator out by failing on purpose.
 */
export class LoginThrottle {
  readonly options: ThrottleOptions;

  constructor(
    private readonly db: ServerDb,
    options: Partial<ThrottleOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Seconds until this account may try again from this address, or 0 when it may now. */
  async retryAfter(username: string, address: string): Promise<number> {
    const now = this.clock();
    const rows = await this.db
      .selectFrom('server_login_throttle')
      .select(['key', 'failures', 'first_at', 'blocked_until'])
      .where('key', 'in', [pairKey(username, address), addressKey(address)])
      .execute();
    let waitMs = 0;
    for (const row of rows) {
      if (row.key === addressKey(address)) {
        const ends = new Date(row.first_at).getTime() + this.options.addressWindowMs;
        if (row.failures >= this.options.perAddress) waitMs = Math.max(waitMs, ends - now);
      } else if (row.blocked_until) {
        waitMs = Math.max(waitMs, new Date(row.blocked_until).getTime() - now);
      }
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  /** Records a failure against the (account, address) pair and the address. */
  async fail(username: string, address: string): Promise<void> {
    const now = new Date(this.clock());
    const forgetBefore = new Date(now.getTime() - this.options.forgetAfterMs);
    const windowStart = new Date(now.getTime() - this.options.addressWindowMs);
    const failures = await this.count(pairKey(username, address), now, forgetBefore, 'last_at');
    if (failures >= this.options.freeFailures) {
      const doublings = Math.min(failures - this.options.freeFailures, 30);
      const delay = Math.min(this.options.baseDelayMs * 2 ** doublings, this.options.maxDelayMs);
      await this.db
        .updateTable('server_login_throttle')
        .set({ blocked_until: new Date(now.getTime() + delay) })
        .where('key', '=', pairKey(username, address))
        .execute();
    }
    await this.count(addressKey(address), now, windowStart, 'first_at');
  }

  /** A successful sign-in clears its (account, address) pair (not the address's count). */
  async succeed(username: string, address: string): Promise<void> {
    await this.db.deleteFrom('server_login_throttle').where('key', '=', pairKey(username, address)).execute();
  }

  /** Adds one failure to `key`, starting again from one when `column` is older than `restartBefore`. */
  private async count(
    key: string,
    now: Date,
    restartBefore: Date,
    column: 'last_at' | 'first_at',
  ): Promise<number> {
    const restart = sql<boolean>`${sql.ref(`server_login_throttle.${column}`)} < ${restartBefore}::timestamptz`;
    const row = await this.db
      .insertInto('server_login_throttle')
      .values({ key, failures: 1, first_at: now, last_at: now, blocked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          failures: sql<number>`case when ${restart} then 1 else server_login_throttle.failures + 1 end`,
          first_at: sql<Date>`case when ${restart} then ${now}::timestamptz else server_login_throttle.first_at end`,
          blocked_until: sql<Date | null>`case when ${restart} then null else server_login_throttle.blocked_until end`,
          last_at: now,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return row.failures;
  }

  private clock(): number {
    return this.options.now?.() ?? Date.now();
  }
}

const pairKey = (username: string, address: string) =>
  `pair:${JSON.stringify([username.toLowerCase(), address.slice(0, MAX_ADDRESS)])}`;
const addressKey = (address: string) => `address:${address.slice(0, MAX_ADDRESS)}`;
