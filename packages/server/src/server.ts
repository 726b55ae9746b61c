import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { adoptAuditHeads } from '@flowform/runtime';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { composeServer } from './compose-server';
import type { ServerConfig } from './config/server-config';
import { withFirstRunLock } from './database/first-run-lock';
import type { Logger } from './http/logger';
import { WebhookDispatcher } from './notifications/webhook-dispatcher';
import { isEmpty, seedDemo } from './seed/demo-seed';
import type { ServerContext } from './server-context';
import { createWorkers } from './workers/background-workers';

/** A listening server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  ctx: ServerContext;
  seeded?: { published: string[]; skipped: string[] };
  close(): Promise<void>;
}

/** Options of `startServer`. */
export interface StartOptions {
  /** Seed the demo when the database has no users (fresh clone). */
  seedIfEmpty?: boolean;
  hashParams?: { N: number; r: number; p: number };
  workerId?: string;
}

/**
 * Opens and migrates the database, seeds the demo on an empty one, starts the timer and outbox
 * workers and listens. `close()` drains gracefully: readiness fails, event streams end, the
 * listener stops taking connections, in-flight requests finish, workers stop, webhooks flush.
 */
export async function startServer(
  config: ServerConfig,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const { ctx, database } = await composeServer(config, log);
  const seeded = options.seedIfEmpty
    ? await withFirstRunLock(database, async () =>
        (await isEmpty(ctx.db))
          ? seedDemo(ctx, options.hashParams ? { hashParams: options.hashParams } : {})
          : undefined,
      )
    : undefined;
  // A database older than the audit heads gets them now, once (trust on first use, logged).
  const adopted = await adoptAuditHeads(database.db, ctx.auditKey);
  if (adopted) log.info('audit chain heads adopted', { chains: adopted.length });
  const webhooks = new WebhookDispatcher({ targets: config.webhooks, log });
  const workers = createWorkers(ctx, webhooks, options.workerId ?? `${hostname()}:${process.pid}`);
  const lifecycle = { draining: false };
  const app = createApp(ctx, { lifecycle });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  workers.start();
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  log.info('listening', { url, database: database.kind });
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      lifecycle.draining = true;
      ctx.hub.closeAll();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      const force = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), 10_000);
      await stopped;
      clearTimeout(force);
      await workers.stop();
      await webhooks.drain();
      await database.close();
      log.info('stopped');
    })();
    return closing;
  };
  return { url, port, ctx, ...(seeded ? { seeded } : {}), close };
}
