import { createFormValidator } from '@flowform/engine';
import { CaseRuntime, type OpenDatabase, openDatabase } from '@flowform/runtime';
import { LoginThrottle, type ThrottleOptions } from './auth/login-throttle';
import { SessionStore } from './auth/session-store';
import { resolveAuditKey } from './config/audit-key-source';
import type { ServerConfig } from './config/server-config';
import { serverMigrations } from './database/server-migrations';
import type { ServerDb } from './database/server-schema';
import type { Logger } from './http/logger';
import { caseEventPublisher } from './live/case-events';
import { readersOf } from './notifications/case-readers';
import { EventHub } from './live/event-hub';
import type { ServerContext } from './server-context';

/** Test and wiring hooks. */
export interface ContextOptions {
  /** An already open database (tests share one per file). */
  database?: OpenDatabase;
  clock?: () => string;
  throttle?: Partial<ThrottleOptions>;
}

/**
 * The server's composition root: opens (and migrates) the database and wires the services every
 * route shares. Routes and services see only the `ServerContext` type (server-context.ts), never
 * this file, so the wiring can import them without arrows running back up.
 */
export async function composeServer(
  config: ServerConfig,
  log: Logger,
  options: ContextOptions = {},
): Promise<{ ctx: ServerContext; database: OpenDatabase }> {
  // Before the database is opened: a PostgreSQL server without its audit key refuses to start.
  const auditKey = resolveAuditKey(config.auditKey.source, { create: true })!;
  const database = options.database ?? (await openDatabase(config.database, serverMigrations));
  const db = database.db as unknown as ServerDb;
  const hub = new EventHub();
  const readers = (instanceId: string, users: string[]) => readersOf({ db, runtime }, instanceId, users);
  const afterCommit: ServerContext['afterCommit'] = [caseEventPublisher(db, hub, log, readers)];
  const runtime: CaseRuntime = new CaseRuntime({
    db: database.db,
    writeConcurrency: config.writeConcurrency,
    snapshotCache: config.snapshotCache,
    auditKey,
    forms: createFormValidator(),
    onCommitted: (instanceId, effects) => {
      for (const listener of afterCommit) listener(instanceId, effects);
    },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const ctx: ServerContext = {
    db,
    runtime,
    sessions: new SessionStore(db, config.sessionTtlSeconds),
    throttle: new LoginThrottle(db, options.throttle),
    hub,
    log,
    config,
    afterCommit,
    auditKey,
    clock: options.clock ?? (() => new Date().toISOString()),
  };
  return { ctx, database };
}
