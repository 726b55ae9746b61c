import type { CaseSnapshot } from '@flowform/engine';
import { canActOn, replay, StepError } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chainHash, GENESIS_HASH } from './audit-chain';
import { CaseRuntime } from './case-runtime';
import { checkConsistency } from './consistency-check';
import { migrateToLatest } from './database/migrations';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory, setRoleHolder } from './directory-store';
import type { RuntimeError } from './runtime-error';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';

const claim = { amount: 1200, reason: '购买劳保用品', unit: 's1' };
const as = (username: string) => ({ username });

describe.each(testBackends())('case runtime on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let clock: VirtualClock;

  beforeEach(async () => {
    open = await openTestDatabase(backend);
    clock = new VirtualClock();
    runtime = new CaseRuntime({ db: open.db, clock: clock.now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
  });
  afterEach(async () => {
    await open.close();
  });

  async function openTaskOf(instanceId: string, user: string): Promise<string> {
    const snapshot = (await runtime.snapshot(instanceId))!;
    const directory = await runtime.directoryAt();
    const task = snapshot.tasks.find((t) =>
      t.assignee ? t.assignee === user : canActOn(user, t.candidates, directory),
    );
    if (!task) throw new Error(`no open task for ${user}`);
    return task.id;
  }

  it('given the migrations ran, when they run again, then nothing is applied twice', async () => {
    expect(await migrateToLatest(open.db as never)).toEqual([]);
  });

  it('given a start, when committed, then the instance, task, candidate, participant and audit rows exist', async () => {
    const started = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    expect(started).toMatchObject({ version: 1, status: 'running', replayed: false });
    const tasks = await open.db
      .selectFrom('tasks')
      .selectAll()
      .where('instance_id', '=', started.instanceId)
      .execute();
    expect(tasks.map((t) => [t.state_id, t.assignee, t.status])).toEqual([['review', null, 'open']]);
    const offered = await open.db
      .selectFrom('task_candidates')
      .select(['role', 'unit', 'username'])
      .where('task_id', '=', tasks[0]!.id)
      .execute();
    expect(offered).toEqual([{ role: 'branchSecretary', unit: 'b1', username: null }]);
    const audit = await open.db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', started.instanceId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.prev_hash).toBe(GENESIS_HASH);
    const people = await open.db
      .selectFrom('participants')
      .select('username')
      .where('instance_id', '=', started.instanceId)
      .execute();
    expect(people.map((p) => p.username).sort()).toEqual(['w1']);
  });

  it('given a case, when driven to the end, then replay of the stored audit log equals the stored snapshot and the chain verifies', async () => {
    const { instanceId } = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    await runtime.execute(
      instanceId,
      {
        type: 'complete',
        taskId: await openTaskOf(instanceId, 'sec'),
        outcome: 'approve',
        data: { opinion: '同意报销' },
      },
      as('sec'),
    );
    for (const rep of ['r1', 'r2']) {
      await runtime.execute(
        instanceId,
        { type: 'complete', taskId: await openTaskOf(instanceId, rep), outcome: 'approve' },
        as(rep),
      );
    }
    const headTask = await openTaskOf(instanceId, 'head');
    await runtime.execute(instanceId, { type: 'claim', taskId: headTask }, as('head'));
    const done = await runtime.execute(
      instanceId,
      { type: 'complete', taskId: headTask, outcome: 'done', data: { note: '好' } },
      as('head'),
    );
    expect(done.status).toBe('completed');
    const rows = await open.db
      .selectFrom('audit_log')
      .selectAll()
      .where('instance_id', '=', instanceId)
      .orderBy('seq')
      .execute();
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const { prev_hash, hash, ...content } = row;
      expect(prev_hash).toBe(prev);
      expect(hash).toBe(chainHash(prev, { ...content, at: new Date(content.at).toISOString() }));
      prev = hash;
    }
    const stored = (await runtime.snapshot(instanceId))!;
    const replayed = replay(
      expenseBundle,
      rows.map((r) => ({ seq: r.seq, at: new Date(r.at).toISOString(), actor: r.actor, detail: r.detail })),
      await runtime.directoryAt(),
    );
    expect(replayed).toEqual(stored);
    const open_ = await open.db
      .selectFrom('tasks')
      .select('id')
      .where('instance_id', '=', instanceId)
      .where('status', '=', 'open')
      .execute();
    expect(open_).toEqual([]);
    expect(await open.db.selectFrom('task_candidates').selectAll().execute()).toEqual([]);
  });

  it('given a stale version, when a second completion races, then exactly one wins and the loser gets conflict or stale', async () => {
    const { instanceId } = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    const taskId = await openTaskOf(instanceId, 'sec');
    const attempts = await Promise.allSettled(
      [1, 2, 3].map(() =>
        runtime.execute(
          instanceId,
          { type: 'complete', taskId, outcome: 'approve', data: { opinion: '同意报销' } },
          as('sec'),
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts.filter((x) => x.status === 'rejected')) {
      const reason = (a as PromiseRejectedResult).reason as RuntimeError | StepError;
      expect(['conflict', 'stale']).toContain(reason.code);
    }
    const count = await open.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('instance_id', '=', instanceId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('given an idempotency key, when the command is retried, then the first result returns and nothing is written', async () => {
    const { instanceId } = await runtime.start(
      { definitionKey: 'expense', data: claim, actor: as('w1') },
      { idempotencyKey: 'k-start' },
    );
    const again = await runtime.start(
      { definitionKey: 'expense', data: claim, actor: as('w1') },
      { idempotencyKey: 'k-start' },
    );
    expect(again).toMatchObject({ instanceId, replayed: true });
    const taskId = await openTaskOf(instanceId, 'sec');
    const command = { type: 'urge', taskId } as const;
    const first = await runtime.execute(instanceId, command, as('w1'), { idempotencyKey: 'k1' });
    const second = await runtime.execute(instanceId, command, as('w1'), { idempotencyKey: 'k1' });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await open.db.selectFrom('instances').select('id').execute()).toHaveLength(1);
    const audit = await open.db
      .selectFrom('audit_log')
      .select('seq')
      .where('instance_id', '=', instanceId)
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('given the audit log, when a row is updated, deleted or truncated, then the database refuses', async () => {
    await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    await expect(sql`update audit_log set actor = 'x'`.execute(open.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(open.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(open.db)).rejects.toThrow(/append-only/);
  });

  it('given a refused command, when executed, then nothing is written and the step error comes back', async () => {
    const { instanceId } = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    const taskId = await openTaskOf(instanceId, 'sec');
    await expect(
      runtime.execute(
        instanceId,
        { type: 'complete', taskId, outcome: 'approve', data: { opinion: '同意' } },
        as('w2'),
      ),
    ).rejects.toBeInstanceOf(StepError);
    expect((await runtime.snapshot(instanceId))!.version).toBe(1);
  });

  it('given v1 cases running, when v2 is published, then v1 cases keep stepping on v1 and new cases use v2', async () => {
    const v1 = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    const v2Bundle = structuredClone(expenseBundle);
    v2Bundle.definition.name = { 'zh-CN': '费用报销（新）', en: 'Expense claim v2' };
    (v2Bundle.forms['expense.review']!.schema.properties as Record<string, { minLength?: number }>)
      .opinion!.minLength = 10;
    expect((await runtime.definitions.publish(v2Bundle, 'admin')).version).toBe(2);
    const v2 = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    expect(((await runtime.snapshot(v2.instanceId)) as CaseSnapshot).definitionVersion).toBe(2);
    const ok = await runtime.execute(
      v1.instanceId,
      {
        type: 'complete',
        taskId: await openTaskOf(v1.instanceId, 'sec'),
        outcome: 'approve',
        data: { opinion: '同意' },
      },
      as('sec'),
    );
    expect(ok.version).toBe(2);
    await expect(
      runtime.execute(
        v2.instanceId,
        {
          type: 'complete',
          taskId: await openTaskOf(v2.instanceId, 'sec'),
          outcome: 'approve',
          data: { opinion: '同意' },
        },
        as('sec'),
      ),
    ).rejects.toMatchObject({ code: 'invalid-form' });
  });

  it('given the branch secretary role changes hands, when the next command comes, then the old holder is refused and the new one acts', async () => {
    const { instanceId } = await runtime.start({ definitionKey: 'expense', data: claim, actor: as('w1') });
    const taskId = await openTaskOf(instanceId, 'sec');
    await setRoleHolder(open.db, 'branchSecretary', 'b1', 'sec2');
    const command = { type: 'complete' as const, taskId, outcome: 'approve', data: { opinion: '同意报销' } };
    await expect(runtime.execute(instanceId, command, as('sec'))).rejects.toMatchObject({
      code: 'not-permitted',
    });
    expect(await runtime.execute(instanceId, command, as('sec2'))).toMatchObject({ version: 2 });
  });

  it('given a completion, when its performer withdraws (撤回), then the closed task row reopens and the rows stay consistent', async () => {
    const { instanceId } = await runtime.start({
      definitionKey: 'expense',
      data: { ...claim, amount: 9000 },
      actor: as('w1'),
    });
    const review = await openTaskOf(instanceId, 'sec');
    await runtime.execute(
      instanceId,
      { type: 'complete', taskId: review, outcome: 'approve', data: { opinion: '请领导审批' } },
      as('sec'),
    );
    await runtime.execute(instanceId, { type: 'withdraw' }, as('sec'));
    const rows = await open.db
      .selectFrom('tasks')
      .select(['id', 'state_id', 'status'])
      .where('instance_id', '=', instanceId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.state_id, r.status])).toEqual([
      ['review', 'open'],
      ['escalate', 'withdrawn'],
    ]);
    expect(await checkConsistency(open.db)).toEqual([]);
  });

  it('given a case that does not exist, when a command comes, then not-found', async () => {
    await expect(runtime.execute('nope', { type: 'withdraw' }, as('w1'))).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
