import { Hono } from 'hono';
import { sql } from 'kysely';
import type { ServerContext } from '../server-context';

/** Whether the server is shutting down (readiness fails first so balancers drain it). */
export interface Lifecycle {
  draining: boolean;
}

/** `/healthz` (the process lives) and `/readyz` (the database answers and we are not draining). */
export function healthRoutes(ctx: ServerContext, lifecycle: Lifecycle) {
  return new Hono()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      if (lifecycle.draining) return c.json({ status: 'draining' }, 503);
      try {
        await sql`select 1`.execute(ctx.db);
        return c.json({ status: 'ready' });
      } catch {
        return c.json({ status: 'database unavailable' }, 503);
      }
    });
}
