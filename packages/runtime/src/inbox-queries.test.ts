import { expenseBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory, setRoleHolder } from './directory-store';
import { queryInbox } from './inbox-queries';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';

describe.each(testBackends())('inbox queries on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  const clock = new VirtualClock();
  const ids: string[] = [];

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db, clock: clock.now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(expenseBundle, 'admin');
    for (let i = 0; i < 5; i++) {
      clock.advance('PT1M');
      ids.push(
        (
          await runtime.start({
            definitionKey: 'expense',
            data: { amount: 100 + i, reason: `第${i}笔`, unit: 's1' },
            actor: { username: 'w1' },
          })
        ).instanceId,
      );
    }
  });
  afterAll(async () => {
    await open.close();
  });

  const inbox = async (
    user: string,
    scope: 'todo' | 'done' | 'cc' | 'started',
    extra: Record<string, unknown> = {},
  ) => queryInbox(open.db, await runtime.directoryAt(), { user, scope, now: clock.now(), ...extra });

  it('given five cases offered to the branch secretary role, when the secretary pages by two, then all five come newest first', async () => {
    const first = await inbox('sec', 'todo', { limit: 2 });
    const second = await inbox('sec', 'todo', { limit: 2, cursor: first.nextCursor });
    const third = await inbox('sec', 'todo', { limit: 2, cursor: second.nextCursor });
    const all = [...first.items, ...second.items, ...third.items].map((i) => i.instanceId);
    expect(all).toEqual([...ids].reverse());
    expect(third.nextCursor).toBeUndefined();
    expect(first.items[0]!.title).toEqual({ 'zh-CN': '支部审核', en: 'Branch review' });
  });

  it('given someone without the role, when they read their todo, then it is empty', async () => {
    expect((await inbox('w2', 'todo')).items).toEqual([]);
  });

  it('given a completion, when the performer reads done and the initiator reads started, then they see it', async () => {
    const taskId = (await runtime.snapshot(ids[0]!))!.tasks[0]!.id;
    clock.advance('PT1M');
    await runtime.execute(
      ids[0]!,
      { type: 'complete', taskId, outcome: 'reject', comment: '不符合规定' },
      { username: 'sec' },
    );
    const done = await inbox('sec', 'done');
    expect(done.items.map((i) => [i.taskId, i.outcome, i.status])).toEqual([[taskId, 'reject', 'completed']]);
    expect((await inbox('w1', 'started')).items).toHaveLength(5);
    expect((await inbox('sec', 'todo')).items).toHaveLength(4);
  });

  it('given a CC, when the copied person reads cc, then the case is listed', async () => {
    const taskId = (await runtime.snapshot(ids[1]!))!.tasks[0]!.id;
    await runtime.execute(ids[1]!, { type: 'cc', taskId, users: ['boss2'] }, { username: 'sec' });
    expect((await inbox('boss2', 'cc')).items.map((i) => i.instanceId)).toEqual([ids[1]]);
  });

  it('given a filter by text and a bad cursor, when queried, then text matches titles and the cursor is refused', async () => {
    expect((await inbox('sec', 'todo', { q: '支部' })).items.length).toBeGreaterThan(0);
    expect((await inbox('sec', 'todo', { q: '不存在的词' })).items).toEqual([]);
    await expect(inbox('sec', 'todo', { cursor: 'garbage' })).rejects.toThrow(/cursor/);
  });

  it('given the role changes hands, when the new holder reads todo on the next read, then the tasks moved', async () => {
    await setRoleHolder(open.db, 'branchSecretary', 'b1', 'sec2');
    const directory = (await import('./directory-store')).loadDirectory;
    const fresh = (await directory(open.db)).directory;
    expect((await queryInbox(open.db, fresh, { user: 'sec2', scope: 'todo' })).items.length).toBeGreaterThan(
      0,
    );
    expect((await queryInbox(open.db, fresh, { user: 'sec', scope: 'todo' })).items).toEqual([]);
  });
});
