import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { queryInbox } from './inbox-queries';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';

const titled = {
  ...expenseBundle,
  definition: {
    ...expenseBundle.definition,
    caseTitle: { 'zh-CN': '{{reason}} · {{amount}} 元', en: '{{reason}} · CNY {{amount}}' },
  },
};

describe.each(testBackends())('inbox case titles on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  const clock = new VirtualClock();
  const ids: string[] = [];
  const startedAt: string[] = [];

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db, clock: clock.now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(titled, 'admin');
    const claims = [
      { who: 'w1', reason: '购买劳保用品', amount: 1200 },
      { who: 'w2', reason: '修理抽油机', amount: 860 },
    ];
    for (const c of claims) {
      clock.advance('P1D');
      startedAt.push(clock.now());
      const data = { amount: c.amount, reason: c.reason, unit: 's1' };
      ids.push(
        (await runtime.start({ definitionKey: 'expense', data, actor: { username: c.who } })).instanceId,
      );
    }
  });
  afterAll(async () => {
    await open.close();
  });

  const inbox = async (user: string, scope: 'todo' | 'started', extra: Record<string, unknown> = {}) =>
    queryInbox(open.db, await runtime.directoryAt(), { user, scope, now: clock.now(), ...extra });

  it('given two titled claims, when the secretary reads the inbox, then each row names its subject, amount and initiator', async () => {
    const rows = (await inbox('sec', 'todo')).items;
    expect(rows.map((r) => [r.caseTitle?.['zh-CN'], r.initiator, r.caseUnit])).toEqual([
      ['修理抽油机 · 860 元', 'w2', 's1'],
      ['购买劳保用品 · 1200 元', 'w1', 's1'],
    ]);
    expect(rows[0]!.caseTitle?.en).toBe('修理抽油机 · CNY 860');
  });

  it('given a search for a word of the case data, when queried, then only that case matches; by initiator too', async () => {
    expect((await inbox('sec', 'todo', { q: '抽油机' })).items.map((r) => r.instanceId)).toEqual([ids[1]]);
    expect((await inbox('sec', 'todo', { q: '1200' })).items.map((r) => r.instanceId)).toEqual([ids[0]]);
    const byName = await inbox('sec', 'todo', { q: '职工一', initiators: ['w1'] });
    expect(byName.items.map((r) => r.instanceId)).toEqual([ids[0]]);
  });

  it('given a date range covering only the second day, when queried, then only the second claim is listed', async () => {
    const rows = (await inbox('sec', 'todo', { from: startedAt[1] })).items;
    expect(rows.map((r) => r.instanceId)).toEqual([ids[1]]);
    const started = (await inbox('w1', 'started', { to: startedAt[1] })).items;
    expect(started.map((r) => [r.instanceId, r.caseTitle?.['zh-CN']])).toEqual([
      [ids[0], '购买劳保用品 · 1200 元'],
    ]);
  });

  it('given a delegation with a note, when the delegate reads the inbox, then the row says who delegated and why', async () => {
    const taskId = (await runtime.snapshot(ids[0]!))!.tasks[0]!.id;
    await runtime.execute(
      ids[0]!,
      { type: 'delegate', taskId, to: 'head', comment: '请核对发票' },
      { username: 'sec' },
    );
    const [row] = (await inbox('head', 'todo')).items;
    expect(row?.origin).toMatchObject({ kind: 'delegated', by: 'sec', reason: '请核对发票' });
    expect(row?.caseTitle?.['zh-CN']).toBe('购买劳保用品 · 1200 元');
  });
});
