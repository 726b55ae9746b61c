import type { Effect } from '@flowform/engine';
import type { AuditKey, CaseRuntime } from '@flowform/runtime';
import type { LoginThrottle } from './auth/login-throttle';
import type { SessionStore } from './auth/session-store';
import type { ServerConfig } from './config/server-config';
import type { ServerDb } from './database/server-schema';
import type { Logger } from './http/logger';
import type { EventHub } from './live/event-hub';

/** Everything routes and services share; built once per server by `composeServer` (compose-server.ts). */
export interface ServerContext {
  db: ServerDb;
  runtime: CaseRuntime;
  sessions: SessionStore;
  throttle: LoginThrottle;
  hub: EventHub;
  log: Logger;
  config: ServerConfig;
  /** Called after every committed command (live events, waking the outbox). */
  afterCommit: ((instanceId: string, effects: Effect[]) => void)[];
  /** The key MACing audit chain heads and checkpoints; never stored in the database. */
  auditKey: AuditKey;
  /** The time (ISO): the injected clock in tests, the wall clock otherwise. */
  clock: () => string;
}
