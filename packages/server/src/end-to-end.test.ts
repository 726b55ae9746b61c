import { randomBytes } from 'node:crypto';
import { allRoutes } from '@flowform/api';
import { Validator } from '@seriousme/openapi-schema-validator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as acc from '../../../tests/scenarios/data/accountability-data';
import * as h from '../../../tests/scenarios/data/hardship-data';
import { testConfig } from './config/server-config';
import { createLogger } from './http/logger';
import { type RunningServer, startServer } from './server';
import { TEST_HASH } from './testing/test-server';

/** A fresh database on the PostgreSQL server of DATABASE_URL (dropped afterwards), else none (PGlite). */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const name = `ff_server_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

describe(`done when: the real server on a free port (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let server: RunningServer;
  let postgres: Awaited<ReturnType<typeof freshPostgres>>;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    postgres = await freshPostgres();
    const config = testConfig({
      port: 0,
      host: '127.0.0.1',
      ...(postgres ? { database: { url: postgres.url } } : {}),
    });
    server = await startServer(config, createLogger('silent'), {
      firstRun: 'demo',
      hashParams: TEST_HASH,
      workerId: 'e2e',
    });
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await postgres?.drop();
  });

  async function api(user: string | undefined, method: string, path: string, payload?: unknown) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (user) {
      if (!tokens.has(user)) {
        const res = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ username: user, password: 'flowform' }),
        });
        tokens.set(user, ((await res.json()) as { token: string }).token);
      }
      headers.authorization = `Bearer ${tokens.get(user)}`;
    }
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: assertions on arbitrary JSON
    return { status: res.status, json: (text ? JSON.parse(text) : undefined) as any };
  }

  async function act(id: string, user: string, outcome: string, data?: Record<string, unknown>) {
    const view = await api(user, 'GET', `/api/instances/${id}`);
    const task = view.json.tasks.find((t: { holders: string[] }) => t.holders.includes(user));
    expect(task, `${user} holds a task`).toBeTruthy();
    const res = await api(user, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, {
      outcome,
      ...(data ? { data } : {}),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
  }

  it('given a fresh database, when started, then it is seeded, healthy and ready', async () => {
    expect(server.seeded?.kind === 'demo' && server.seeded.published.length).toBe(8);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("given /openapi.json, when fetched, then it is a valid OpenAPI 3.1 document with exactly the contract's routes", async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as Record<string, unknown>;
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const contract = allRoutes.map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(operations.sort()).toEqual(contract.sort());
    expect(operations).toContain('POST /api/tasks/{id}/complete');
    // `Component.nullable()` renders as allOf [$ref, {type: [object, null]}], which refuses null:
    // a nullable component must be `z.union([Component, z.null()])`.
    expect(nullableRefs(doc)).toEqual([]);
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/tasks/{id}/complete');
  });

  it('given the demo users, when a hardship-assistance case is driven end to end over HTTP, then it reaches support and the payment is recorded', async () => {
    const started = await api('head103', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: h.application({ amountRequested: 5000 }),
    });
    expect(started.status).toBe(201);
    const id = started.json.id as string;
    const todo = await api('com1a', 'GET', '/api/tasks?scope=todo');
    expect(todo.json.items.map((i: { instanceId: string }) => i.instanceId)).toContain(id);
    await act(id, 'com1a', 'submit', h.homeVisit({ recommendedAmount: 5000 }));
    await act(id, 'sec1', 'approve', h.approval({ approvedAmount: 5000 }));
    await act(id, 'leader1', 'approve', h.leaderApproval({ approvedAmount: 4000 }));
    await act(id, 'biz1', 'paid', h.payment({ amountPaid: 4000 }));
    const view = await api('head103', 'GET', `/api/instances/${id}`);
    expect(view.json.activeStates).toEqual(['support.waiting']);
    expect(view.json.data).toMatchObject({ approvalLevel: 'districtLeader', amountPaid: 4000 });
    const history = await api('head103', 'GET', `/api/instances/${id}/history`);
    expect(history.json.chainValid).toBe(true);
    expect(history.json.entries).toHaveLength(5);
    const notices = await api('com1a', 'GET', '/api/notifications');
    expect(notices.status).toBe(200);
  });

  it('given a confidential accountability case, when outsiders ask for it, then 404; its people see it', async () => {
    const started = await api('insp1', 'POST', '/api/instances', {
      definitionKey: 'accountability-investigation',
      data: acc.report(),
    });
    expect(started.status).toBe(201);
    const id = started.json.id as string;
    for (const outsider of ['admin', 'w001', 'sec1', 'head103']) {
      expect((await api(outsider, 'GET', `/api/instances/${id}`)).status).toBe(404);
      expect((await api(outsider, 'GET', `/api/instances/${id}/history`)).status).toBe(404);
    }
    for (const insider of ['insp1', 'insp2', 'leader4'])
      expect((await api(insider, 'GET', `/api/instances/${id}`)).status).toBe(200);
    await act(id, 'insp2', 'submit', acc.investigation());
    const statement = await api('head101', 'GET', `/api/instances/${id}`);
    expect(statement.status).toBe(200);
  });
});

/** JSON pointers of every `allOf` that joins a `$ref` with a type allowing null (never valid for null). */
function nullableRefs(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  const node = value as Record<string, unknown>;
  const all = Array.isArray(node.allOf) ? (node.allOf as Record<string, unknown>[]) : [];
  const here =
    all.some((s) => s.$ref) && all.some((s) => Array.isArray(s.type) && s.type.includes('null'))
      ? [path]
      : [];
  return [...here, ...Object.entries(node).flatMap(([key, child]) => nullableRefs(child, `${path}/${key}`))];
}
