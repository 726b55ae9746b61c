import { OutboxWorker, TimerWorker } from '@flowform/runtime';
import { notifyHandler } from '../notifications/notify-handler';
import type { WebhookDispatcher } from '../notifications/webhook-dispatcher';
import type { WorkMessageChannel } from '../notifications/work-message-channel';
import type { ServerContext } from '../server-context';
import { reportRefresher } from './report-refresher';
import { serverHousekeeping } from './server-housekeeping';

/** The timer and outbox workers of one server process (and the reports' refresher). */
export interface BackgroundWorkers {
  timers: TimerWorker;
  outbox: OutboxWorker;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Wires the runtime's workers: timers fire due timers (and run the housekeeping); the outbox delivers effects, with the
 * server's `notify` handler (work-message `channels` from the configuration unless given). Every commit wakes the outbox so notifications go out at once.
 */
export function createWorkers(
  ctx: ServerContext,
  webhooks: WebhookDispatcher,
  workerId: string,
  channels?: WorkMessageChannel[],
): BackgroundWorkers {
  const onError = (error: unknown, where: unknown) =>
    ctx.log.warn('worker error', {
      error,
      where: typeof where === 'string' ? where : (where as { id?: string })?.id,
    });
  const timers = new TimerWorker({
    runtime: ctx.runtime,
    workerId,
    onError,
    housekeeping: serverHousekeeping(ctx.config.housekeeping, ctx.auditKey),
  });
  const outbox = new OutboxWorker({
    runtime: ctx.runtime,
    workerId,
    handlers: { notify: notifyHandler(ctx, webhooks, channels) },
    onError,
  });
  ctx.afterCommit.push(() => outbox.wake());
  const reports = reportRefresher(ctx, onError);
  return {
    timers,
    outbox,
    start() {
      timers.start();
      outbox.start();
      reports.start();
    },
    async stop() {
      await Promise.all([timers.stop(), outbox.stop(), reports.stop()]);
    },
  };
}
