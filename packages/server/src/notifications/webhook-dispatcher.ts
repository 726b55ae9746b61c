import type { WebhookTarget } from '../config/server-config';
import type { Logger } from '../http/logger';
import { robotBody, signedUrl } from './webhook-formats';

/** How deliveries are made and retried; tests inject `sleep` and `now`. */
export interface DispatcherOptions {
  targets: WebhookTarget[];
  log: Logger;
  maxAttempts?: number;
  baseDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Posts messages to the administrator's chat robots in the background, each target on its own,
 * retrying with exponential backoff (1 s, 2 s, 4 s …) on network errors, non-2xx answers and the
 * robots' own `errcode`. A message that still fails is logged and dropped: the in-app notification
 * is the record, the robot only a nudge.
 */
export class WebhookDispatcher {
  private readonly pending = new Set<Promise<void>>();
  private readonly opts: Required<Omit<DispatcherOptions, 'targets' | 'log'>> & DispatcherOptions;

  constructor(options: DispatcherOptions) {
    this.opts = {
      maxAttempts: 5,
      baseDelayMs: 1000,
      timeoutMs: 10_000,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms).unref?.()),
      now: () => Date.now(),
      ...options,
    };
  }

  /** Whether any robot is configured. */
  get enabled(): boolean {
    return this.opts.targets.length > 0;
  }

  /** Queues a text message to every robot. */
  send(text: string): void {
    for (const target of this.opts.targets) {
      const delivery = this.deliver(target, text).finally(() => this.pending.delete(delivery));
      this.pending.add(delivery);
    }
  }

  /** Waits for every queued delivery to succeed or give up (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private async deliver(target: WebhookTarget, text: string): Promise<void> {
    const body = JSON.stringify(robotBody(target.kind, text));
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(signedUrl(target, this.opts.now()), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(this.opts.timeoutMs),
        });
        const answer = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
        if (res.ok && (answer.errcode === undefined || answer.errcode === 0)) return;
        throw new Error(`HTTP ${res.status} errcode ${answer.errcode ?? '-'} ${answer.errmsg ?? ''}`.trim());
      } catch (error) {
        const host = new URL(target.url).host;
        if (attempt >= this.opts.maxAttempts) {
          this.opts.log.warn('webhook gave up', { kind: target.kind, host, attempt, error: String(error) });
          return;
        }
        await this.opts.sleep(this.opts.baseDelayMs * 2 ** (attempt - 1));
      }
    }
  }
}
