import type { DefinitionBundle } from '@flowform/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CADRES, start as quarterStart } from '../../../../tests/scenarios/data/evaluation-data';
import { createLogger } from '../http/logger';
import { WebhookDispatcher } from '../notifications/webhook-dispatcher';
import { shippedBundles } from '../seed/demo-seed';
import { start } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';
import { createWorkers } from '../workers/background-workers';

type Server = Awaited<ReturnType<typeof openTestServer>>;
type Row = { taskId: string; instanceId: string; title: { 'zh-CN': string }; subject: unknown };

const KEY = 'quarterly-cadre-evaluation';
const quarter = quarterStart();

describe('基层干部季度考核: each scoring task names the cadre it scores (inbox, task, case page)', () => {
  let s: Server;
  let id: string;
  beforeAll(async () => {
    s = await openTestServer();
    id = await start(s, 'org1', KEY, quarter);
  }, 60_000);
  afterAll(() => s.close());

  const scoring = async (user: string, caseId = id): Promise<Row[]> => {
    const page = await body(await s.call('GET', `/api/tasks?definitionKey=${KEY}&limit=100`, { as: user }));
    return (page.items as Row[]).filter((r) => r.instanceId === caseId);
  };

  it("given a district leader with one sheet per cadre, when he lists his inbox, then each row names its cadre by the directory's name and unit", async () => {
    const directory = await s.ctx.runtime.directoryAt();
    const rows = await scoring('leader1');
    expect(rows.map((r) => r.title['zh-CN'])).toEqual(CADRES.map(() => '区领导评分'));
    const subjects = rows.map((r) => r.subject as { username: string; name: unknown; unit: { id: string } });
    expect(subjects.map((x) => x.username).sort()).toEqual(CADRES);
    for (const subject of subjects) {
      expect(subject).toMatchObject({ kind: 'person', name: directory.user(subject.username)!.displayName });
      expect(subject.unit.id).toBe(directory.rolesOf(subject.username)[0]!.unit);
    }
  });

  it('given a cadre, when he lists his inbox, then he has a sheet for each fellow cadre and none naming himself', async () => {
    const rows = await scoring('head101');
    expect(rows.map((r) => (r.subject as { username: string }).username).sort()).toEqual([
      'head102',
      'head105',
      'sec3',
    ]);
  });

  it('given a scoring task, when the leader opens it, then the task names the same cadre as its inbox row', async () => {
    const [row] = await scoring('leader2');
    const task = await body(await s.call('GET', `/api/tasks/${row!.taskId}`, { as: 'leader2' }));
    expect(task.subject).toEqual(row!.subject);
    expect(task.subject.kind).toBe('person');
  });

  it('given the case page, when a leader opens it, then each of its open scoring tasks names its cadre', async () => {
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'leader1' }));
    const tasks = view.tasks as { stateId: string; subject: { username: string } | null }[];
    expect(tasks).toHaveLength(68);
    const scoredInLeaders = tasks
      .filter((t) => t.stateId === 'scoring.leaders.scoring')
      .map((t) => t.subject?.username);
    expect(new Set(scoredInLeaders)).toEqual(new Set(CADRES));
    expect(tasks.every((t) => t.subject !== null)).toBe(true);
  });

  it("given the outbox delivers the new-task notices, then each of a leader's notices names the cadre of its sheet", async () => {
    const directory = await s.ctx.runtime.directoryAt();
    const webhooks = new WebhookDispatcher({ targets: [], log: createLogger('silent') });
    const workers = createWorkers(s.ctx, webhooks, 'test-worker');
    while ((await workers.outbox.runOnce()) > 0);
    const list = await body(await s.call('GET', '/api/notifications?limit=100', { as: 'leader1' }));
    const mine = (list.items as { instanceId: string; message: { 'zh-CN': string } }[])
      .filter((n) => n.instanceId === id)
      .map((n) => n.message['zh-CN'])
      .sort();
    const named = CADRES.map((c) => directory.user(c)!.displayName['zh-CN']);
    expect(mine).toEqual(
      named
        .map((n) => `新待办：基层干部季度考核 · 区领导评分（对象：${n}） — 2026 年第 1 季度干部考核`)
        .sort(),
    );
  });

  it('given a version whose cadre list only the initiator may see, when a leader lists or opens his sheets, then no row, task, case page or notice names the cadre', async () => {
    const bundle = structuredClone(
      shippedBundles().find((b) => b.definition.key === KEY)!,
    ) as DefinitionBundle;
    bundle.definition.fieldVisibility = { cadres: { audience: [{ kind: 'initiator' }] } };
    await s.ctx.runtime.definitions.publish(bundle, 'admin');
    const hidden = await start(s, 'org1', KEY, quarter);
    const rows = await scoring('leader1', hidden);
    expect(rows).toHaveLength(CADRES.length);
    expect(rows.map((r) => r.subject)).toEqual(CADRES.map(() => null));
    const task = await body(await s.call('GET', `/api/tasks/${rows[0]!.taskId}`, { as: 'leader1' }));
    expect(task.subject).toBeNull();
    const view = await body(await s.call('GET', `/api/instances/${hidden}`, { as: 'leader1' }));
    expect((view.tasks as { subject: unknown }[]).map((t) => t.subject)).toEqual(view.tasks.map(() => null));
    const workers = createWorkers(
      s.ctx,
      new WebhookDispatcher({ targets: [], log: createLogger('silent') }),
      'w',
    );
    while ((await workers.outbox.runOnce()) > 0);
    const list = await body(await s.call('GET', '/api/notifications?limit=100', { as: 'leader1' }));
    const notices = (list.items as { instanceId: string; message: { 'zh-CN': string } }[]).filter(
      (n) => n.instanceId === hidden,
    );
    expect(notices).toHaveLength(CADRES.length);
    expect(notices.map((n) => n.message['zh-CN'])).toEqual(
      CADRES.map(() => '新待办：基层干部季度考核 · 区领导评分 — 2026 年第 1 季度干部考核'),
    );
  });
});
