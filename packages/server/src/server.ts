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
import { seedDemoCases } from './seed/demo-cases';
import { isEmpty, seedDemo } from './seed/demo-seed';
import { type CreatedAdmin, createAdmin, FIRST_ADMIN } from './seed/first-admin';
import type { ServerContext } from './server-context';
import { createWorkers } from './workers/background-workers';

/** A listening server and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  ctx: ServerContext;
  /** What the first run on an empty database did. */
  seeded?: FirstRun;
  close(): Promise<void>;
}

/** The first run on an empty database: the demo, or one administrator with a one-time password. */
export type FirstRun =
  | { kind: 'demo'; published: string[]; skipped: string[]; cases: { started: string[]; skipped: string[] } }
  | { kind: 'admin'; admin: CreatedAdmin };

/** Options of `startServer`. */
export interface StartOptions {
  /**
   * On an empty database: `demo` seeds the demo organisation (every password `flowform`);
   * `admin` creates only the administrator `admin` with a one-time password, and publishes
   * nothing (the shipped processes name the demo organisation's units and roles, so they lint
   * clean only once an organisation is loaded).
   */
  firstRun?: 'demo' | 'admin';
  /** With the demo's first run, also start its cases in progress (`flowform start --demo` does). */
  demoCases?: boolean;
  hashParams?: { N: number; r: number; p: number };
  workerId?: string;
}

/**
 * Opens and migrates the database, seeds an empty one (see `firstRun`), starts the timer and outbox
 * workers and listens. `close()` drains gracefully: readiness fails, event streams end, the
 * listener stops taking connections, in-flight requests finish, workers stop, webhooks flush.
 */
export async function startServer(
  config: ServerConfig,
  log: Logger,
  options: StartOptions = {},
): Promise<RunningServer> {
  const { ctx, database } = await composeServer(config, log);
  const firstRun = options.firstRun;
  const hash = options.hashParams ? { hashParams: options.hashParams } : {};
  const seeded: FirstRun | undefined = firstRun
    ? await withFirstRunLock(database, async () => {
        if (!(await isEmpty(ctx.db))) return undefined;
        if (firstRun === 'demo') {
          const demo = await seedDemo(ctx, hash);
          const cases = options.demoCases ? await seedDemoCases(ctx) : { started: [], skipped: [] };
          return { kind: 'demo' as const, ...demo, cases };
        }
        return { kind: 'admin' as const, admin: await createAdmin(ctx, FIRST_ADMIN, hash) };
      })
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
