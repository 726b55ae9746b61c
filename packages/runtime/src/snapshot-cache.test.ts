import type { CaseSnapshot } from '@flowform/engine';
import { createFormValidator, type FormValidator } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { type CachedCase, SnapshotCache } from './snapshot-cache';
import { statementCounter } from './testing/statement-counter';
import { openTestDatabase, testBackends } from './testing/test-database';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };
const as = (username: string) => ({ username });
const snapshotAt = (instanceId: string, version: number) =>
  ({ instanceId, version }) as unknown as CaseSnapshot;
const entry = (instanceId: string, version: number) => ({
  snapshot: snapshotAt(instanceId, version),
  prevHash: 'h',
  dirVersion: '0',
  at: '2026-01-01T00:00:00.000Z',
});

describe('SnapshotCache', () => {
  it('given more cases than it holds, when one more is remembered, then the least recently used goes', () => {
    const cache = new SnapshotCache(2);
    cache.remember(entry('a', 1));
    cache.remember(entry('b', 1));
    cache.get('a');
    cache.remember(entry('c', 1));
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((e) => e?.snapshot.instanceId)).toEqual([
      'a',
      undefined,
      'c',
    ]);
  });

  it('given a newer version cached, when a slower writer remembers an older one, then the newer stays', () => {
    const cache = new SnapshotCache(5);
    cache.remember(entry('a', 3));
    cache.remember(entry('a', 2));
    expect(cache.get('a')?.snapshot.version).toBe(3);
  });

  it('given a version found stale, when forgotten, then only entries no newer than it go', () => {
    const cache = new SnapshotCache(5);
    cache.remember(entry('a', 3));
    cache.forget('a', 2);
    expect(cache.get('a')?.snapshot.version).toBe(3);
    cache.forget('a', 3);
    expect(cache.get('a')).toBeUndefined();
  });

  it('given capacity 0, when remembering, then nothing is kept', () => {
    const cache = new SnapshotCache(0);
    cache.remember(entry('a', 1));
    expect(cache.get('a')).toBeUndefined();
  });
});

describe.each(testBackends())('cached cases across two runtimes on %s', (backend) => {
  let open: OpenDatabase;
  // Two runtimes on one database stand for two server processes, each with its own cache.
  let first: CaseRuntime;
  let second: CaseRuntime;

  beforeEach(async () => {
    open = await openTestDatabase(backend);
    first = new CaseRuntime({ db: open.db });
    second = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await first.definitions.publish(expenseBundle, 'admin');
  });
  afterEach(async () => {
    await open.close();
  });

  async function auditCount(instanceId: string): Promise<number> {
    const row = await open.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('instance_id', '=', instanceId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('given a case this process wrote last, when the next command runs, then it is one statement (no read)', async () => {
    const statements = statementCounter();
    const counted = new CaseRuntime({ db: open.db.withPlugin(statements.plugin) });
    const { instanceId, tasks } = await counted.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    statements.count = 0;
    await counted.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    expect(statements.count).toBe(1);
    const uncached = new CaseRuntime({ db: open.db.withPlugin(statements.plugin), snapshotCache: 0 });
    await uncached.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    statements.count = 0;
    await uncached.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    expect(statements.count).toBe(2);
  });

  it('given a failure before the write on a cached case, when the command runs, then it is run again on a fresh read and nothing is written twice', async () => {
    const real = createFormValidator();
    let failures = 0;
    const flaky: FormValidator = {
      validate: (form, data, locale) => {
        if (failures-- > 0) throw new Error('transient failure before the write');
        return real.validate(form, data, locale);
      },
      validateSchema: (schema, data, locale, labels) => real.validateSchema(schema, data, locale, labels),
    };
    const runtime = new CaseRuntime({ db: open.db, forms: flaky });
    const { instanceId, tasks } = await runtime.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    failures = 1;
    const out = await runtime.execute(
      instanceId,
      { type: 'complete', taskId: tasks[0]!, outcome: 'approve', data: { opinion: '同意' } },
      as('sec'),
    );
    expect(out).toMatchObject({ version: 2, replayed: false });
    expect(failures).toBe(-1);
    expect(await auditCount(instanceId)).toBe(2);
  });

  it('given the other process moved the case on, when this one runs a command still valid, then it runs on the fresh case', async () => {
    const { instanceId, tasks } = await first.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    await second.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    const out = await first.execute(
      instanceId,
      { type: 'complete', taskId: tasks[0]!, outcome: 'approve', data: { opinion: '同意' } },
      as('sec'),
    );
    expect(out).toMatchObject({ version: 3, replayed: false });
    expect(await auditCount(instanceId)).toBe(3);
    const snapshot = await first.snapshot(instanceId);
    expect(snapshot?.version).toBe(3);
    expect(await checkConsistency(open.db)).toEqual([]);
  });

  /** The case as a caller (the server's visibility check) reads it just before a command. */
  async function seenNow(instanceId: string): Promise<CachedCase> {
    const { rows } = await sql<{ snapshot: CaseSnapshot; hash: string; at: Date; dir_version: string }>`
      select i.snapshot, a.hash, a.at, (select m.version::text from directory_meta m where m.id = 1) as dir_version
      from instances i join lateral (
        select hash, at from audit_log where instance_id = i.id order by seq desc limit 1) a on true
      where i.id = ${instanceId}`.execute(open.db);
    const row = rows[0]!;
    return {
      snapshot: row.snapshot,
      prevHash: row.hash,
      dirVersion: row.dir_version,
      at: new Date(row.at).toISOString(),
    };
  }

  it('given the other process moved the case on, when the caller passes the case it has just read, then the command runs on it in one statement', async () => {
    const statements = statementCounter();
    const counted = new CaseRuntime({ db: open.db.withPlugin(statements.plugin) });
    const { instanceId, tasks } = await counted.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    await second.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    const seen = await seenNow(instanceId);
    statements.count = 0;
    const out = await counted.execute(
      instanceId,
      { type: 'complete', taskId: tasks[0]!, outcome: 'approve', data: { opinion: '同意' } },
      as('sec'),
      { seen },
    );
    expect(out).toMatchObject({ version: 3, replayed: false });
    expect(statements.count).toBe(1);
    expect(await auditCount(instanceId)).toBe(3);
    expect(await checkConsistency(open.db)).toEqual([]);
  });

  it('given the case the caller read is already stale, when the command runs on it, then the write misses and it runs again on a fresh read', async () => {
    const { instanceId, tasks } = await first.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    const seen = await seenNow(instanceId);
    await first.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    const out = await second.execute(
      instanceId,
      { type: 'complete', taskId: tasks[0]!, outcome: 'approve', data: { opinion: '同意' } },
      as('sec'),
      { seen },
    );
    expect(out).toMatchObject({ version: 3, replayed: false });
    expect(await auditCount(instanceId)).toBe(3);
    expect(await checkConsistency(open.db)).toEqual([]);
  });

  it('given the other process completed the task, when this one completes it from its stale cache, then conflict and nothing is written', async () => {
    const { instanceId, tasks } = await first.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    const command = {
      type: 'complete' as const,
      taskId: tasks[0]!,
      outcome: 'approve',
      data: { opinion: '同意' },
    };
    await second.execute(instanceId, command, as('sec'));
    await expect(first.execute(instanceId, command, as('sec'))).rejects.toMatchObject({ code: 'conflict' });
    expect(await auditCount(instanceId)).toBe(2);
    expect(await checkConsistency(open.db)).toEqual([]);
  });

  it('given a command ran from the cache with an idempotency key, when it is retried, then the first result comes back and nothing is written', async () => {
    const { instanceId, tasks } = await first.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    const command = { type: 'urge' as const, taskId: tasks[0]! };
    const once = await first.execute(instanceId, command, as('w1'), { idempotencyKey: 'k1' });
    const again = await first.execute(instanceId, command, as('w1'), { idempotencyKey: 'k1' });
    const elsewhere = await second.execute(instanceId, command, as('w1'), { idempotencyKey: 'k1' });
    expect(once).toMatchObject({ version: 2, replayed: false });
    expect(again).toEqual({ ...once, replayed: true });
    expect(elsewhere).toEqual({ ...once, replayed: true });
    expect(await auditCount(instanceId)).toBe(2);
  });

  it('given no injected clock, when commands run from the cache, then their times follow the database clock and never go back', async () => {
    const { instanceId, tasks } = await first.start({
      definitionKey: 'expense',
      data: claim,
      actor: as('w1'),
    });
    for (let i = 0; i < 5; i++)
      await first.execute(instanceId, { type: 'urge', taskId: tasks[0]! }, as('w1'));
    const rows = await sql<{ at: Date; db_now: Date }>`
      select at, now() as db_now from audit_log where instance_id = ${instanceId} order by seq`.execute(
      open.db,
    );
    const times = rows.rows.map((r) => new Date(r.at).getTime());
    expect(times).toHaveLength(6);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const dbNow = new Date(rows.rows[0]!.db_now).getTime();
    for (const t of times) expect(Math.abs(dbNow - t)).toBeLessThan(5_000);
  });
});
