import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime, type CommandOutcome } from './case-runtime';
import { checkConsistency } from './consistency-check';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { installSlippingWriter, SLIP_MARK } from './testing/slipping-writer';
import { openTestDatabase, testBackends } from './testing/test-database';

const w1 = { username: 'w1' };

describe.each(testBackends())('one command never fails another on %s', (backend) => {
  let open: OpenDatabase;

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    await replaceDirectory(open.db, smallDirectory);
    await new CaseRuntime({ db: open.db }).definitions.publish(expenseBundle, 'admin');
  });
  afterAll(async () => {
    expect(await checkConsistency(open.db)).toEqual([]);
    await open.close();
  });

  async function startCases(runtime: CaseRuntime, count: number) {
    const cases: CommandOutcome[] = [];
    for (let i = 0; i < count; i++)
      cases.push(
        await runtime.start({
          definitionKey: 'expense',
          data: { amount: 100 + i, reason: '差旅', unit: 's1' },
          actor: w1,
        }),
      );
    return cases;
  }

  const commentsOf = (caseId: string) =>
    open.db.selectFrom('comments').select('text').where('instance_id', '=', caseId).execute();

  it('given a shared statement with one write PostgreSQL refuses, then the others are written and only that one fails, writing nothing', async () => {
    const runtime = new CaseRuntime({ db: open.db });
    const [a, b, bad, c] = await startCases(runtime, 4);
    const sent = installSlippingWriter(runtime, open.db, 1);
    // `a` goes out alone at once; the other three wait for its slot and share the next statement.
    const settled = await Promise.allSettled([
      runtime.execute(a!.instanceId, { type: 'comment', text: '先到' }, w1),
      runtime.execute(b!.instanceId, { type: 'comment', text: '并发意见' }, w1),
      runtime.execute(bad!.instanceId, { type: 'comment', text: `${SLIP_MARK}坏` }, w1),
      runtime.execute(c!.instanceId, { type: 'urge', taskId: c!.tasks[0]! }, w1),
    ]);
    const shared = sent.find((s) => s.slipped.length > 0)!;
    expect(shared.cases).toHaveLength(3);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((settled[2] as PromiseRejectedResult).reason).toMatchObject({
      code: expect.stringMatching(/^22(021|P05)$/),
    });
    // Tried again alone, each of the three: only the guilty one failed.
    expect(sent.slice(-3).map((s) => s.cases.length)).toEqual([1, 1, 1]);
    expect(await commentsOf(b!.instanceId)).toEqual([{ text: '并发意见' }]);
    expect(await commentsOf(bad!.instanceId)).toEqual([]);
    expect((await runtime.snapshot(bad!.instanceId))?.version).toBe(1);
    expect((await runtime.snapshot(c!.instanceId))?.version).toBe(2);
  });

  it.each([
    ['a comment with U+0000', { type: 'comment', text: 'a\u0000b' }, '/text', 'nul'],
    ['a comment with a lone surrogate', { type: 'comment', text: 'x\ud800y' }, '/text', 'lone-surrogate'],
    ['an urge remark with U+0000', { type: 'urge', taskId: 'T', comment: '\u0000' }, '/comment', 'nul'],
    [
      'form data with a lone surrogate',
      { type: 'complete', taskId: 'T', outcome: 'approve', data: { opinion: '\udfff' } },
      '/data/opinion',
      'lone-surrogate',
    ],
  ] as const)(
    'given %s, then the runtime refuses it as invalid-text naming the field before any write',
    async (_, raw, path, reason) => {
      const runtime = new CaseRuntime({ db: open.db });
      const [one] = await startCases(runtime, 1);
      const sent = installSlippingWriter(runtime, open.db, 1);
      const command = JSON.parse(JSON.stringify(raw).replace('"T"', JSON.stringify(one!.tasks[0])));
      await expect(runtime.execute(one!.instanceId, command, w1)).rejects.toMatchObject({
        name: 'StepError',
        code: 'invalid-text',
        details: { path, reason },
      });
      expect(sent).toEqual([]);
      expect((await runtime.snapshot(one!.instanceId))?.version).toBe(1);
    },
  );

  it('given start data, an idempotency key or a case id PostgreSQL cannot store, then invalid-text names it', async () => {
    const runtime = new CaseRuntime({ db: open.db });
    const data = { amount: 1, reason: 'ok', unit: 's1', note: { 'k\u0000': 1 } };
    await expect(runtime.start({ definitionKey: 'expense', data, actor: w1 })).rejects.toMatchObject({
      code: 'invalid-text',
      details: { path: '/data/note/k\ufffd', reason: 'nul' },
    });
    const good = { amount: 1, reason: 'ok', unit: 's1' };
    await expect(
      runtime.start({ definitionKey: 'expense', data: good, actor: w1 }, { idempotencyKey: 'k\ud800' }),
    ).rejects.toMatchObject({ code: 'invalid-text', details: { path: '/idempotencyKey' } });
    await expect(runtime.execute('x\u0000', { type: 'withdraw' }, w1)).rejects.toMatchObject({
      code: 'invalid-text',
      details: { path: '/instanceId' },
    });
  });
});
