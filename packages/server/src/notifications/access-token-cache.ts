/** A fetched access token and how long the platform says it lives. */
export interface FetchedToken {
  token: string;
  expiresInSeconds: number;
}

/** Renew this long before the platform's expiry, so a token never dies in flight. */
const MARGIN_MS = 5 * 60 * 1000;

/**
 * One application's access token (WeCom and DingTalk both hand out 2-hour tokens and limit how
 * often they are fetched): fetched once, shared by every send until shortly before it expires,
 * fetched again after the platform says it is invalid. Concurrent callers share one fetch.
 */
export class AccessTokenCache {
  private current: { token: string; until: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<FetchedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<string> {
    if (this.current && this.now() < this.current.until) return this.current.token;
    this.inFlight ??= this.fetchToken()
      .then(({ token, expiresInSeconds }) => {
        this.current = { token, until: this.now() + Math.max(0, expiresInSeconds * 1000 - MARGIN_MS) };
        return token;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }

  /** The platform refused the token (expired early, secret rotated): fetch a new one next time. */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = undefined;
  }
}
