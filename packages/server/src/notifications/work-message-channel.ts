import { AccessTokenCache } from './access-token-cache';

/** A platform that delivers a text to named people of the organisation. */
export interface WorkMessageChannel {
  readonly name: 'wecom' | 'dingtalk';
  /** Sends one text to these platform user ids; throws when the platform did not take it. */
  send(userIds: string[], text: string): Promise<void>;
}

/** A platform answer: `errcode` 0 is success. */
interface PlatformAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

/** errcodes meaning "this access token is not (or no longer) valid": fetch another and retry once. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001]);

/** The shared shape of both platforms: a token endpoint, a send endpoint, a batch limit. */
export interface ChannelSpec {
  name: WorkMessageChannel['name'];
  tokenUrl: string;
  sendUrl: (token: string) => string;
  body: (userIds: string[], text: string) => Record<string, unknown>;
  /** Most recipients one call accepts (WeCom 1000, DingTalk 100). */
  batch: number;
  timeoutMs?: number;
  now?: () => number;
}

/** Calls a platform: token cached and renewed, recipients batched, an invalid token retried once. */
export class PlatformChannel implements WorkMessageChannel {
  readonly name: WorkMessageChannel['name'];
  private readonly tokens: AccessTokenCache;

  constructor(private readonly spec: ChannelSpec) {
    this.name = spec.name;
    this.tokens = new AccessTokenCache(() => this.fetchToken(), spec.now);
  }

  async send(userIds: string[], text: string): Promise<void> {
    for (let i = 0; i < userIds.length; i += this.spec.batch) {
      const batch = userIds.slice(i, i + this.spec.batch);
      const body = JSON.stringify(this.spec.body(batch, text));
      for (let attempt = 1; ; attempt++) {
        const token = await this.tokens.get();
        const answer = await this.call(this.spec.sendUrl(token), { method: 'POST', body });
        if (answer.errcode === 0 || answer.errcode === undefined) break;
        if (attempt === 1 && TOKEN_ERRORS.has(answer.errcode)) {
          this.tokens.invalidate(token);
          continue;
        }
        throw new Error(`${this.name} send: errcode ${answer.errcode} ${answer.errmsg ?? ''}`.trim());
      }
    }
  }

  private async fetchToken() {
    const answer = await this.call(this.spec.tokenUrl, { method: 'GET' });
    if (answer.errcode !== 0 || typeof answer.access_token !== 'string')
      throw new Error(`${this.name} token: errcode ${answer.errcode ?? '-'} ${answer.errmsg ?? ''}`.trim());
    return { token: answer.access_token, expiresInSeconds: answer.expires_in ?? 7200 };
  }

  private async call(url: string, init: { method: string; body?: string }): Promise<PlatformAnswer> {
    const res = await fetch(url, {
      ...init,
      headers: init.body ? { 'content-type': 'application/json' } : undefined,
      signal: AbortSignal.timeout(this.spec.timeoutMs ?? 10_000),
    });
    if (!res.ok) throw new Error(`${this.name}: HTTP ${res.status} from ${new URL(url).host}`);
    return (await res.json().catch(() => ({ errcode: -1, errmsg: 'not JSON' }))) as PlatformAnswer;
  }
}
