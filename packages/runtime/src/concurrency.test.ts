import type { StepError } from '@flowform/engine';
import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime, type CommandOutcome } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import type { RuntimeError } from './runtime-error';
import { concurrencyBackends, openTestDatabase } from './testing/test-database';

const claim = { amount: 9000, reason: '大额采购', unit: 's1' };
const REPEATS = Number(process.env.FLOWFORM_CONCURRENCY_REPEATS ?? (process.env.DATABASE_URL ? 200 : 5));

type Settled = PromiseSettledResult<unknown>;
const codes = (results: Settled[]) =>
  results
    .filter((r) => r.status === 'rejected')
    .map((r) => ((r as PromiseRejectedResult).reason as RuntimeError | StepError).code);

describe.each(concurrencyBackends())('concurrency on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;

  beforeAll(async () => {
    open = await openTestDatabase(backend, 50);
    runtime = new CaseRuntime({ db: open.db });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
  });
  afterAll(async () => {
    expect(await checkConsistency(open.db)).toEqual([]);
    await open.close();
  });

  async function reviewTask(instanceId: string) {
    return (await runtime.snapshot(instanceId))!.tasks[0]!.id;
  }

  it(`given 50 concurrent completions of one task, repeated ${REPEATS} times, then exactly one wins each time`, async () => {
    for (let round = 0; round < REPEATS; round++) {
      const { instanceId } = await runtime.start({
        definitionKey: 'expense',
        data: claim,
        actor: { username: 'w1' },
      });
      const taskId = await reviewTask(instanceId);
      const results = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          runtime.execute(
            instanceId,
            { type: 'complete', taskId, outcome: 'approve', data: { opinion: '同意上报' } },
            { username: 'sec' },
          ),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(codes(results).every((c) => c === 'conflict' || c === 'stale')).toBe(true);
      const audits = await open.db
        .selectFrom('audit_log')
        .select('seq')
        .where('instance_id', '=', instanceId)
        .execute();
      expect(audits).toHaveLength(2);
      expect((await runtime.snapshot(instanceId))!.machine.value).toBe('escalate');
    }
  }, 600_000);

  it('given a completion racing a transfer and a return, then exactly one of them takes effect', async () => {
    for (let round = 0; round < 20; round++) {
      const { instanceId } = await runtime.start({
        definitionKey: 'expense',
        data: claim,
        actor: { username: 'w1' },
      });
      await runtime.execute(
        instanceId,
        {
          type: 'complete',
          taskId: await reviewTask(instanceId),
          outcome: 'approve',
          data: { opinion: '同意上报' },
        },
        { username: 'sec' },
      );
      const taskId = await reviewTask(instanceId);
      const results = await Promise.allSettled([
        runtime.execute(instanceId, { type: 'complete', taskId, outcome: 'approve' }, { username: 'boss' }),
        runtime.execute(
          instanceId,
          { type: 'return', taskId, target: 'review', comment: '补充材料' },
          { username: 'boss' },
        ),
        runtime.execute(instanceId, { type: 'urge', taskId }, { username: 'w1' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled').length;
      expect(won).toBeGreaterThanOrEqual(1);
      const version = (await runtime.snapshot(instanceId))!.version;
      expect(version).toBe(2 + won);
      expect(codes(results).every((c) => c === 'conflict' || c === 'stale')).toBe(true);
    }
  }, 120_000);

  it('given the last two branches of a parallel join completing at once, then the join fires once', async () => {
    for (let round = 0; round < 20; round++) {
      const { instanceId } = await runtime.start({
        definitionKey: 'expense',
        data: { ...claim, amount: 100 },
        actor: { username: 'w1' },
      });
      await runtime.execute(
        instanceId,
        {
          type: 'complete',
          taskId: await reviewTask(instanceId),
          outcome: 'approve',
          data: { opinion: '同意报销' },
        },
        { username: 'sec' },
      );
      const snap = (await runtime.snapshot(instanceId))!;
      const r1 = snap.tasks.find((t) => t.signer === 'r1')!.id;
      await runtime.execute(
        instanceId,
        { type: 'complete', taskId: r1, outcome: 'approve' },
        { username: 'r1' },
      );
      const r2 = snap.tasks.find((t) => t.signer === 'r2')!.id;
      const note = snap.tasks.find((t) => t.stateId === 'vote.note.writing')!.id;
      const attempt = (fn: () => Promise<unknown>) =>
        fn().catch(async (e: RuntimeError) => (e.code === 'conflict' ? fn() : Promise.reject(e)));
      await Promise.all([
        attempt(() =>
          runtime.execute(
            instanceId,
            { type: 'complete', taskId: r2, outcome: 'approve' },
            { username: 'r2' },
          ),
        ),
        attempt(() =>
          runtime.execute(
            instanceId,
            { type: 'complete', taskId: note, outcome: 'done', data: { note: '已核' } },
            { username: 'head' },
          ),
        ),
      ]);
      const final = (await runtime.snapshot(instanceId))!;
      expect(final.status).toBe('completed');
      expect(final.machine.value).toBe('paid');
      const rows = await open.db
        .selectFrom('audit_log')
        .select('detail')
        .where('instance_id', '=', instanceId)
        .execute();
      const finished = rows.filter((r) => JSON.stringify(r.detail).includes('"caseFinished"'));
      expect(finished).toHaveLength(1);
    }
  }, 120_000);
  it('given two runtimes batching commands on the same cases at once, then each command lands once or is a conflict, and nothing deadlocks', async () => {
    // Two server processes: each groups its concurrent writes into shared statements, and the
    // statements of the two overlap on every case.
    const other = new CaseRuntime({ db: open.db });
    const cases: CommandOutcome[] = [];
    for (let i = 0; i < 10; i++)
      cases.push(await runtime.start({ definitionKey: 'expense', data: claim, actor: { username: 'w1' } }));
    const landed = new Map(cases.map((c) => [c.instanceId, 0]));
    const rounds = process.env.DATABASE_URL ? 20 : 3;
    for (let round = 0; round < rounds; round++) {
      const commands = [runtime, other].flatMap((r) => cases.map((c) => ({ r, c })));
      const results = await Promise.allSettled(
        commands.map(({ r, c }) =>
          r.execute(c.instanceId, { type: 'urge', taskId: c.tasks[0]! }, { username: 'w1' }),
        ),
      );
      expect(codes(results).filter((code) => code !== 'conflict')).toEqual([]);
      results.forEach((result, i) => {
        const id = commands[i]!.c.instanceId;
        if (result.status === 'fulfilled') landed.set(id, landed.get(id)! + 1);
      });
    }
    for (const c of cases) {
      const snap = (await runtime.snapshot(c.instanceId))!;
      expect(snap.version).toBe(1 + landed.get(c.instanceId)!);
      expect(snap.tasks[0]!.urged).toBe(landed.get(c.instanceId));
      expect(landed.get(c.instanceId)).toBeGreaterThanOrEqual(rounds);
    }
  }, 120_000);
});
