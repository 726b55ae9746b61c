import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start } from '../testing/case-helpers';
import { createLogger } from '../http/logger';
import { WebhookDispatcher } from '../notifications/webhook-dispatcher';
import { body, openTestServer } from '../testing/test-server';
import { createWorkers } from '../workers/background-workers';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const KEY = 'hardship-assistance';

describe('how a case ended, over the API', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  const mine = async (user: string) =>
    (await body(await s.call('GET', '/api/instances?scope=started&limit=100', { as: user }))).items as {
      id: string;
      status: string;
      outcome: string | null;
    }[];

  it('given a hardship case the branch rejects, then the case view and 我发起的 say rejected, not just completed', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    const res = await complete(s, id, 'sec1', 'reject', undefined, { comment: '家庭收入超过标准' });
    expect(res.status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect((await mine('head103')).find((c) => c.id === id)).toMatchObject({
      status: 'completed',
      outcome: 'rejected',
    });
  });

  it('given a hardship case the branch rejects, when the outbox delivers, then the applicant is told it was not approved', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    await complete(s, id, 'sec1', 'reject', undefined, { comment: '家庭收入超过标准' });
    const workers = createWorkers(
      s.ctx,
      new WebhookDispatcher({ targets: [], log: createLogger('silent') }),
      'test-worker',
    );
    while ((await workers.outbox.runOnce()) > 0);
    const list = await body(await s.call('GET', '/api/notifications', { as: 'head103' }));
    const ended = list.items.filter(
      (n: { instanceId: string; kind: string }) => n.instanceId === id && n.kind === 'case-ended',
    );
    expect(ended).toHaveLength(1);
    expect(ended[0].message).toEqual({ 'zh-CN': '未批准：爱心助困', en: 'Rejected: Hardship assistance' });
  });

  it('given a running hardship case, then it has no outcome yet', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view).toMatchObject({ status: 'running', outcome: null });
    expect((await mine('head103')).find((c) => c.id === id)?.outcome).toBeNull();
  });

  it('given an administrator cancels a hardship case, then its outcome is cancelled', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const res = await s.call('POST', `/api/instances/${id}/cancel`, {
      as: 'admin',
      body: { reason: '重复申请' },
    });
    expect(res.status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view).toMatchObject({ status: 'cancelled', outcome: 'cancelled' });
    expect((await mine('head103')).find((c) => c.id === id)?.outcome).toBe('cancelled');
  });
});
