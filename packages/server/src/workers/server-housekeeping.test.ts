import { TimerWorker } from '@flowform/runtime';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServer } from '../testing/test-server';
import { serverHousekeeping } from './server-housekeeping';

const ago = (hours: number) => sql<Date>`now() - ${`${hours} hours`}::interval`;

describe('housekeeping run by the timer worker', () => {
  let s: Awaited<ReturnType<typeof openTestServer>>;
  beforeAll(async () => {
    s = await openTestServer();
  });
  afterAll(() => s.close());

  it('given sessions, HTTP keys and command keys of every age, when housekeeping runs, then only what is past its retention goes', async () => {
    const db = s.ctx.db;
    const session = (id: string, expires: number, revoked?: number) =>
      db
        .insertInto('server_sessions')
        .values({
          id,
          username: 'w1',
          expires_at: ago(expires) as never,
          revoked_at: revoked === undefined ? null : (ago(revoked) as never),
          address: null,
          user_agent: null,
        })
        .execute();
    await session('expired-long-ago', 200);
    await session('expired-yesterday', 24);
    await session('revoked-long-ago', -10, 200);
    await session('live', -10);
    const httpKey = (id: string, age: number, status: number | null, leaseHours: number | null) =>
      db
        .insertInto('server_idempotency')
        .values({
          id,
          fingerprint: 'f',
          status,
          content_type: null,
          body: null,
          created_at: ago(age) as never,
          lease_until: leaseHours === null ? null : (ago(leaseHours) as never),
        })
        .execute();
    await httpKey('old-answered', 30, 201, null);
    await httpKey('old-abandoned', 30, null, 29);
    await httpKey('old-but-held', 30, null, -1);
    await httpKey('recent', 1, 201, null);
    const commandKey = (key: string, age: number) =>
      sql`insert into idempotency_keys (key, actor, instance_id, response, created_at)
          values (${key}, 'w1', 'case-x', '{}'::jsonb, ${ago(age)})`.execute(db);
    await commandKey('w1:old', 30);
    await commandKey('w1:recent', 1);
    const throttle = (key: string, quietHours: number, blockedForHours: number | null) =>
      db
        .insertInto('server_login_throttle')
        .values({
          key,
          failures: 9,
          first_at: ago(quietHours + 1) as never,
          last_at: ago(quietHours) as never,
          blocked_until: blockedForHours === null ? null : (ago(-blockedForHours) as never),
        })
        .execute();
    await throttle('quiet-for-two-days', 48, null);
    await throttle('quiet-but-still-blocked', 48, 1);
    await throttle('failed-an-hour-ago', 1, null);

    const worker = new TimerWorker({
      runtime: s.ctx.runtime,
      workerId: 'test',
      housekeeping: serverHousekeeping({
        idempotencyLeaseSeconds: 60,
        idempotencyRetentionHours: 24,
        sessionRetentionHours: 168,
        auditCheckpointMinutes: 60,
        intervalMs: 1000,
      }),
    });
    const counts = await worker.runHousekeeping();

    const ids = async (table: 'server_sessions' | 'server_idempotency') =>
      (await db.selectFrom(table).select('id').execute()).map((r) => r.id).sort();
    expect(await ids('server_sessions')).toEqual(expect.arrayContaining(['expired-yesterday', 'live']));
    expect(await ids('server_sessions')).not.toContain('expired-long-ago');
    expect(await ids('server_sessions')).not.toContain('revoked-long-ago');
    expect(await ids('server_idempotency')).toEqual(['old-but-held', 'recent']);
    const keys = await sql<{
      key: string;
    }>`select key from idempotency_keys where instance_id = 'case-x'`.execute(db);
    expect(keys.rows.map((r) => r.key)).toEqual(['w1:recent']);
    const throttled = await db.selectFrom('server_login_throttle').select('key').orderBy('key').execute();
    expect(throttled.map((r) => r.key)).toEqual(['failed-an-hour-ago', 'quiet-but-still-blocked']);
    expect(counts).toMatchObject({
      sessions: 2,
      'http-idempotency': 2,
      'idempotency-keys': 1,
      'login-throttle': 1,
    });
  });

  it('given a retention of zero hours, when configured, then it is refused', async () => {
    expect(() =>
      serverHousekeeping({
        idempotencyLeaseSeconds: 60,
        idempotencyRetentionHours: 0,
        sessionRetentionHours: 1,
        auditCheckpointMinutes: 60,
        intervalMs: 1,
      }),
    ).toThrow(RangeError);
  });

  it('given a chain head that moved, when housekeeping runs twice within the checkpoint interval, then one checkpoint lists it, MACed with the server key', async () => {
    await sql`insert into audit_heads (instance_id, seq, hash) values ('case-y', 1, ${'f'.repeat(64)})`.execute(
      s.ctx.db,
    );
    const config = {
      idempotencyLeaseSeconds: 60,
      idempotencyRetentionHours: 24,
      sessionRetentionHours: 168,
      auditCheckpointMinutes: 60,
      intervalMs: 1000,
    };
    const worker = new TimerWorker({
      runtime: s.ctx.runtime,
      workerId: 'test',
      housekeeping: serverHousekeeping(config, s.ctx.auditKey),
    });
    expect(await worker.runHousekeeping()).toMatchObject({ 'audit-checkpoint': 1 });
    await sql`update audit_heads set seq = 2 where instance_id = 'case-y'`.execute(s.ctx.db);
    expect(await worker.runHousekeeping()).toMatchObject({ 'audit-checkpoint': 0 });
    const checkpoints = await sql<{ seq: number; entries: unknown; key_id: string }>`
      select seq, entries, key_id from audit_checkpoints`.execute(s.ctx.db);
    expect(checkpoints.rows).toEqual([
      { seq: 1, entries: [['case-y', 1, 'f'.repeat(64)]], key_id: s.ctx.auditKey.id },
    ]);
    expect(serverHousekeeping(config).tasks.map((t) => t.name)).not.toContain('audit-checkpoint');
  });
});
