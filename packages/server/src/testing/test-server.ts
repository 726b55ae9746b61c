import type { DefinitionBundle } from '@flowform/engine';
import { type DatabaseTarget, openDatabase } from '@flowform/runtime';
import { type AppOptions, createApp } from '../app';
import { type ContextOptions, composeServer } from '../compose-server';
import { type ServerConfig, testConfig } from '../config/server-config';
import { serverMigrations } from '../database/server-migrations';
import { createLogger, type Logger } from '../http/logger';
import { seedDemo } from '../seed/demo-seed';

/** Cheap scrypt for tests (the real cost is used by `flowform start`). */
export const TEST_HASH = { N: 1024, r: 8, p: 1 };

/** Options of a test server. */
export interface TestServerOptions extends Omit<ContextOptions, 'database'>, AppOptions {
  config?: Partial<ServerConfig>;
  bundles?: DefinitionBundle[];
  /** Another database than in-memory PGlite (a scratch PostgreSQL database, for crash tests). */
  target?: DatabaseTarget;
  /** Where the server logs (silent by default); the API fuzzer reads the errors behind 500s here. */
  log?: Logger;
}

/**
 * An app on in-memory PGlite with the demo directory and the shipped processes (or the given
 * bundles), driven through `app.request()`: no port. One per test file; PGlite takes a second to open.
 */
export async function openTestServer(options: TestServerOptions = {}) {
  const database = await openDatabase(options.target ?? { memory: true }, serverMigrations);
  const config = testConfig(options.config);
  const { ctx } = await composeServer(config, options.log ?? createLogger('silent'), {
    ...options,
    database,
  });
  await seedDemo(ctx, { hashParams: TEST_HASH, ...(options.bundles ? { bundles: options.bundles } : {}) });
  const app = createApp(ctx, options);
  const tokens = new Map<string, string>();

  /** Sends a request; `as` signs in first (cached token), `body` is sent as JSON. */
  async function call(
    method: string,
    path: string,
    init: { as?: string; body?: unknown; headers?: Record<string, string>; raw?: RequestInit['body'] } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.as) headers.authorization = `Bearer ${await login(init.as)}`;
    let body: RequestInit['body'] | undefined = init.raw;
    if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(path, { method, headers, body });
  }

  /** A bearer token for a demo user (password `flowform`). */
  async function login(username: string): Promise<string> {
    const cached = tokens.get(username);
    if (cached) return cached;
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test-address': `test-${username}` },
      body: JSON.stringify({ username, password: 'flowform' }),
    });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    const { token } = (await res.json()) as { token: string };
    tokens.set(username, token);
    return token;
  }

  /** Forgets cached tokens (after logout or disabling). */
  const forget = (username?: string) => (username ? tokens.delete(username) : tokens.clear());

  return { app, ctx, database, call, login, forget, close: () => database.close() };
}

/** The JSON body of a response, typed loosely for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test helper returning arbitrary JSON for assertions
export async function body(res: Response): Promise<any> {
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}
