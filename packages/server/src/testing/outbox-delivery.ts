import { createLogger } from '../http/logger';
import { WebhookDispatcher } from '../notifications/webhook-dispatcher';
import type { ServerContext } from '../server-context';
import { createWorkers } from '../workers/background-workers';

/**
 * The outbox of a test server, delivered on demand instead of by a background loop: in-app
 * notifications, live events and child cases appear when the test says so. No webhook targets.
 */
export function outboxDelivery(ctx: ServerContext): () => Promise<number> {
  const webhooks = new WebhookDispatcher({ targets: [], log: createLogger('silent') });
  const { outbox } = createWorkers(ctx, webhooks, 'test-outbox');
  return async () => {
    let total = 0;
    for (let n = await outbox.runOnce(); n > 0; n = await outbox.runOnce()) total += n;
    return total;
  };
}
