import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

const KEY = 'hardship-assistance';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('Idempotency-Key leases', () => {
  let s: Awaited<ReturnType<typeof openTestServer>>;
  beforeAll(async () => {
    s = await openTestServer();
  });
  afterAll(() => s.close());

  const startWith = (key: string, data = h.application()) =>
    s.call('POST', '/api/instances', {
      as: 'head103',
      body: { definitionKey: KEY, data },
      headers: { 'idempotency-key': key },
    });
  /** Leaves the key as a process that reserved it and died would: no answer, a lease. */
  const abandon = async (key: string, lease: 'ended' | 'live' | 'none') => {
    const fingerprint = sha256(
      `POST /api/instances\n${sha256(JSON.stringify({ definitionKey: KEY, data: h.application() }))}`,
    );
    await s.ctx.db
      .insertInto('server_idempotency')
      .values({
        id: sha256(`head103\n${key}`),
        fingerprint,
        status: null,
        content_type: null,
        body: null,
        lease_until:
          lease === 'none'
            ? null
            : sql<Date>`now() + ${lease === 'ended' ? '-1 seconds' : '60 seconds'}::interval`,
      })
      .execute();
  };
  const casesStartedWith = async (key: string) =>
    (
      await s.ctx.db
        .selectFrom('idempotency_keys')
        .select('instance_id')
        .where('key', '=', `head103:${key}`)
        .execute()
    ).length;

  it('given a key whose holder died and whose lease ended, when the request is retried, then it runs once and later retries replay it', async () => {
    await abandon('crashed-1', 'ended');
    const retried = await startWith('crashed-1');
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    const again = await startWith('crashed-1');
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await body(again)).toEqual(await body(retried));
    expect(await casesStartedWith('crashed-1')).toBe(1);
  });

  it('given a key written before leases (no lease), when retried, then it is taken over like an ended lease', async () => {
    await abandon('crashed-2', 'none');
    expect((await startWith('crashed-2')).status).toBe(201);
  });

  it('given a key still held under a live lease, when retried, then 409 idempotency-in-progress and nothing runs', async () => {
    await abandon('running-1', 'live');
    const res = await startWith('running-1');
    expect(res.status).toBe(409);
    expect((await body(res)).code).toBe('idempotency-in-progress');
    expect(await casesStartedWith('running-1')).toBe(0);
  });

  it('given an abandoned key, when another request reuses it after the lease, then 422 idempotency-key-reused', async () => {
    await abandon('crashed-3', 'ended');
    const res = await startWith('crashed-3', h.application({ amount: 1234 }));
    expect(res.status).toBe(422);
    expect((await body(res)).code).toBe('idempotency-key-reused');
  });

  const stored = (username: string, key: string) =>
    s.ctx.db
      .selectFrom('server_idempotency')
      .select(['status', 'body'])
      .where('id', '=', sha256(`${username}\n${key}`))
      .executeTakeFirstOrThrow();

  it('given a task completed under a key, when retried, then the runtime’s record of the command is replayed and the HTTP layer stored no second copy', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const taskId = await taskFor(s, id, 'com1a');
    const send = (data: Record<string, unknown>) =>
      s.call('POST', `/api/tasks/${taskId}/complete`, {
        as: 'com1a',
        body: { outcome: 'submit', data },
        headers: { 'idempotency-key': 'recorded-1' },
      });
    const first = await send(h.homeVisit());
    expect(first.status).toBe(200);
    expect(await stored('com1a', 'recorded-1')).toEqual({ status: null, body: null });
    const again = await send(h.homeVisit());
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await body(again)).toEqual(await body(first));
    expect((await send(h.homeVisit({ findings: '另一份' }))).status).toBe(422);
  });

  it('given a task command refused under a key, when retried, then the stored refusal is replayed', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const taskId = await taskFor(s, id, 'com1a');
    const send = () =>
      s.call('POST', `/api/tasks/${taskId}/complete`, {
        as: 'com1a',
        body: { outcome: 'submit', data: { ...h.homeVisit(), sneaky: true } },
        headers: { 'idempotency-key': 'refused-1' },
      });
    const first = await send();
    expect(first.status).toBe(422);
    expect((await stored('com1a', 'refused-1')).status).toBe(422);
    const again = await send();
    expect(again.status).toBe(422);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await body(again)).toEqual(await body(first));
  });

  it('given a start committed whose answer is not stored yet (its request still running), when retried, then 409: only task commands replay the runtime’s record', async () => {
    expect((await startWith('running-2')).status).toBe(201);
    await s.ctx.db
      .updateTable('server_idempotency')
      .set({
        status: null,
        content_type: null,
        body: null,
        lease_until: sql<Date>`now() + interval '60 seconds'`,
      })
      .where('id', '=', sha256('head103\nrunning-2'))
      .execute();
    const res = await startWith('running-2');
    expect(res.status).toBe(409);
    expect((await body(res)).code).toBe('idempotency-in-progress');
    expect(await casesStartedWith('running-2')).toBe(1);
  });

  it('given a 204 answered under a key, when the request is replayed, then 204 again with no body', async () => {
    const signOut = await s.call('POST', '/api/auth/logout', {
      as: 'head104',
      headers: { 'idempotency-key': 'sign-out' },
    });
    expect(signOut.status).toBe(204);
    s.forget('head104');
    const replayed = await s.call('POST', '/api/auth/logout', {
      as: 'head104',
      headers: { 'idempotency-key': 'sign-out' },
    });
    expect(replayed.status).toBe(204);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(await replayed.text()).toBe('');
  });
});
