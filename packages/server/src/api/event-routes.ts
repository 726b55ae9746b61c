import { eventContract as contract } from '@flowform/api';
import { streamSSE } from 'hono/streaming';
import { ApiProblem } from '../http/problem';
import { newRouter } from '../http/router';
import type { LiveEvent } from '../live/event-hub';
import type { ServerContext } from '../server-context';

/** `GET /api/events`: one SSE stream per tab; a heartbeat comment keeps proxies from closing it. */
export function eventRoutes(ctx: ServerContext, options: { heartbeatMs?: number } = {}) {
  return newRouter().openapi(contract.events, (c) => {
    const user = c.get('user');
    const queue: LiveEvent[] = [];
    let wake: (() => void) | undefined;
    let closed = false;
    const unsubscribe = ctx.hub.subscribe(user.username, (event) => {
      if (event.type === 'server.closing') closed = true;
      else queue.push(event);
      wake?.();
    });
    if (!unsubscribe) throw new ApiProblem(429, 'too-many-streams', 'Too many open event streams');
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => {
        closed = true;
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: JSON.stringify({ user: user.username }) });
      try {
        while (!closed) {
          const event = queue.shift();
          if (event) {
            await stream.writeSSE({ event: event.type, data: JSON.stringify(event) });
            continue;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, options.heartbeatMs ?? 25_000).unref?.();
          });
          wake = undefined;
          if (!closed && queue.length === 0) await stream.write(': heartbeat\n\n');
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
