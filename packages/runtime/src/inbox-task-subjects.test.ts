import { scoringBundle, smallDirectory } from '@flowform/engine/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseRuntime } from './case-runtime';
import type { OpenDatabase } from './database/open-database';
import { replaceDirectory } from './directory-store';
import { queryInbox } from './inbox-queries';
import { openTestDatabase, testBackends } from './testing/test-database';
import { VirtualClock } from './testing/virtual-clock';

describe.each(testBackends())('inbox task subjects (multi-instance items) on %s', (backend) => {
  let open: OpenDatabase;
  let runtime: CaseRuntime;
  let caseId: string;
  const clock = new VirtualClock();

  beforeAll(async () => {
    open = await openTestDatabase(backend);
    runtime = new CaseRuntime({ db: open.db, clock: clock.now });
    await replaceDirectory(open.db, smallDirectory);
    await runtime.definitions.publish(scoringBundle, 'admin');
    const data = { peers: ['head', 'sec', 'boss2'] };
    caseId = (await runtime.start({ definitionKey: 'peer-scoring', data, actor: { username: 'admin' } }))
      .instanceId;
  });
  afterAll(async () => {
    await open.close();
  });

  const inbox = async (user: string, scope: 'todo' | 'done', extra: Record<string, unknown> = {}) =>
    queryInbox(open.db, await runtime.directoryAt(), { user, scope, now: clock.now(), ...extra });
  const named = (rows: Awaited<ReturnType<typeof inbox>>['items']) =>
    rows
      .map((r) => (r.subject?.kind === 'person' ? `${r.subject.name['zh-CN']}@${r.subject.unit?.id}` : null))
      .sort();

  it('given a leader with one scoring task per peer, when he reads the inbox, then each row names the peer it scores and their unit', async () => {
    const rows = (await inbox('boss', 'todo')).items;
    expect(rows.map((r) => r.title?.['zh-CN'])).toEqual(['区领导评分', '区领导评分', '区领导评分']);
    expect(named(rows)).toEqual(['书记@b1', '副领导@d', '站长@s1']);
    expect(rows[0]!.subject).toMatchObject({ kind: 'person', username: expect.any(String) });
  });

  it('given the peer is a leader too, then his own inbox has no task scoring himself', async () => {
    expect(named((await inbox('boss2', 'todo')).items)).toEqual(['书记@b1', '站长@s1']);
  });

  it("given a search for a peer's name, when queried, then only the task scoring that peer matches", async () => {
    const rows = (await inbox('boss', 'todo', { q: '站长' })).items;
    expect(named(rows)).toEqual(['站长@s1']);
  });

  it('given a sheet submitted, when the leader reads his done list, then the row still names the peer', async () => {
    const task = (await runtime.snapshot(caseId))!.tasks.find(
      (t) => t.assignee === 'boss' && t.item === 'sec',
    )!;
    await runtime.execute(
      caseId,
      { type: 'complete', taskId: task.id, outcome: 'submit' },
      { username: 'boss' },
    );
    expect(named((await inbox('boss', 'done')).items)).toEqual(['书记@b1']);
    expect(named((await inbox('boss', 'todo')).items)).toEqual(['副领导@d', '站长@s1']);
  });
});
