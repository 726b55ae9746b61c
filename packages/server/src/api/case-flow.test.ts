import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const KEY = 'hardship-assistance';

describe('cases and tasks over the API (hardship assistance)', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given the patch contractor, when listing what they may start, then hardship assistance is there with its start form', async () => {
    const { items } = await body(await s.call('GET', '/api/definitions', { as: 'head103' }));
    const hardship = items.find((i: { key: string }) => i.key === KEY);
    expect(hardship.startForm.schema.properties.category).toBeTruthy();
    const worker = await body(await s.call('GET', '/api/definitions', { as: 'w005' }));
    expect(worker.items.map((i: { key: string }) => i.key)).not.toContain(KEY);
  });

  it('given a start, when created, then 201 with the case and its first task offered to the committee members', async () => {
    const res = await s.call('POST', '/api/instances', {
      as: 'head103',
      body: { definitionKey: KEY, data: h.application() },
    });
    expect(res.status).toBe(201);
    const json = await body(res);
    expect(json).toMatchObject({ definitionKey: KEY, definitionVersion: 1, status: 'running' });
    expect(json.tasks).toEqual([
      expect.objectContaining({ stateId: 'homeVisit', holders: ['com1a', 'com1b'] }),
    ]);
  });

  it('given invalid start data, when started, then 422 with field errors in zh-CN by default and English on request', async () => {
    const bad = { definitionKey: KEY, data: h.application({ householdSize: 99 }) };
    const zh = await body(await s.call('POST', '/api/instances', { as: 'head103', body: bad }));
    expect(zh.code).toBe('invalid-form');
    expect(zh.errors[0].path).toBe('/householdSize');
    expect(zh.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await s.call('POST', '/api/instances', {
      as: 'head103',
      body: bad,
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.status).toBe(422);
    expect((await body(en)).errors[0].message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('given a worker of another branch, when they start one, then 403 not-permitted', async () => {
    const res = await s.call('POST', '/api/instances', {
      as: 'w005',
      body: { definitionKey: KEY, data: h.application() },
    });
    expect(res.status).toBe(403);
    expect((await body(res)).code).toBe('not-permitted');
  });

  it('given the whole flow, when driven through the API, then it reaches support with the audit chain intact', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const visitTask = await taskFor(s, id, 'com1a');
    const task = await body(await s.call('GET', `/api/tasks/${visitTask}`, { as: 'com1a' }));
    expect(task.form.schema.properties.findings).toBeTruthy();
    expect(task.outcomes).toEqual([expect.objectContaining({ key: 'submit', requiresComment: false })]);
    expect(task.operations).toContain('complete');
    expect((await complete(s, id, 'com1a', 'submit', h.homeVisit())).status).toBe(200);
    expect((await complete(s, id, 'sec1', 'approve', h.approval())).status).toBe(200);
    expect((await complete(s, id, 'biz1', 'paid', h.payment())).status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view.activeStates).toEqual(['support.waiting']);
    expect(view.data.amountPaid).toBe(2000);
    const history = await body(await s.call('GET', `/api/instances/${id}/history`, { as: 'head103' }));
    expect(history.chainValid).toBe(true);
    expect(history.entries.map((e: { action: string }) => e.action)).toEqual([
      'start',
      'complete',
      'complete',
      'complete',
    ]);
    expect(history.entries[1].prevHash).toBe(history.entries[0].hash);
    const done = await body(await s.call('GET', '/api/tasks?scope=done', { as: 'sec1' }));
    expect(done.items.map((i: { instanceId: string }) => i.instanceId)).toContain(id);
  });

  it('given a completion body with an unknown key, when posted, then 400 and nothing changes', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const taskId = await taskFor(s, id, 'com1a');
    const res = await s.call('POST', `/api/tasks/${taskId}/complete`, {
      as: 'com1a',
      body: { outcome: 'submit', data: h.homeVisit(), assignee: 'com1a', status: 'completed' },
    });
    expect(res.status).toBe(400);
    const sneaky = await s.call('POST', `/api/tasks/${taskId}/complete`, {
      as: 'com1a',
      body: { outcome: 'submit', data: { ...h.homeVisit(), approvedAmount: 50000 } },
    });
    expect(sneaky.status).toBe(422);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'com1a' }));
    expect(view.activeStates).toEqual(['homeVisit']);
    expect(view.data.approvedAmount).toBeUndefined();
  });

  it('given a reject without its required comment, when posted, then 422 naming the comment', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    const res = await complete(s, id, 'sec1', 'reject', undefined, {});
    expect(res.status).toBe(422);
    expect((await body(res)).errors).toEqual([expect.objectContaining({ path: '/comment' })]);
  });

  it('given an English reader, when a command is refused by the form, then the engine words it in English itself', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    const task = await taskFor(s, id, 'sec1');
    const res = await s.call('POST', `/api/tasks/${task}/complete`, {
      as: 'sec1',
      body: { outcome: 'approve', data: { ...h.approval(), approvedAmount: 'many' } },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(422);
    const { errors } = await body(res);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.message).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('given an Idempotency-Key, when a completion is retried, then the first answer comes back and the case moved once', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const taskId = await taskFor(s, id, 'com1a');
    const send = (data: Record<string, unknown>) =>
      s.call('POST', `/api/tasks/${taskId}/complete`, {
        as: 'com1a',
        body: { outcome: 'submit', data },
        headers: { 'idempotency-key': 'visit-1' },
      });
    const first = await send(h.homeVisit());
    const again = await send(h.homeVisit());
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await body(again)).toEqual(await body(first));
    const reused = await send(h.homeVisit({ findings: '不同的内容' }));
    expect(reused.status).toBe(422);
    expect((await body(reused)).code).toBe('idempotency-key-reused');
    const history = await body(await s.call('GET', `/api/instances/${id}/history`, { as: 'head103' }));
    expect(history.entries).toHaveLength(2);
  });

  it('given a completed step, when completed again it is 409 stale; withdrawing another person’s step is 403, one’s own reopens it', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const visit = await taskFor(s, id, 'com1a');
    const done = { as: 'com1a', body: { outcome: 'submit', data: h.homeVisit() } };
    expect((await s.call('POST', `/api/tasks/${visit}/complete`, done)).status).toBe(200);
    const again = await s.call('POST', `/api/tasks/${visit}/complete`, done);
    expect(again.status).toBe(409);
    expect((await body(again)).code).toBe('stale');
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'com1a' }));
    expect(view.withdrawable).toBe(true);
    const foreign = await s.call('POST', `/api/instances/${id}/withdraw`, { as: 'head103' });
    expect(foreign.status).toBe(403);
    expect((await body(foreign)).code).toBe('not-permitted');
    const own = await s.call('POST', `/api/instances/${id}/withdraw`, { as: 'com1a' });
    expect(own.status).toBe(200);
    expect(await taskFor(s, id, 'com1a')).toBe(visit);
    const twice = await s.call('POST', `/api/instances/${id}/withdraw`, { as: 'com1a' });
    expect(twice.status).toBe(422);
  });

  it('given a task offered to a role, when one member claims it, then the other no longer holds it and may not claim', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const taskId = await taskFor(s, id, 'com1b');
    const claimed = await s.call('POST', `/api/tasks/${taskId}/claim`, { as: 'com1b' });
    expect(claimed.status).toBe(200);
    const other = await s.call('POST', `/api/tasks/${taskId}/claim`, { as: 'com1a' });
    expect(other.status).toBe(404);
    const mine = await body(await s.call('GET', `/api/tasks/${taskId}`, { as: 'com1b' }));
    expect(mine.operations).toEqual(expect.arrayContaining(['complete', 'unclaim']));
  });

  it('given a participant, when they comment and copy someone in, then the comment shows and the copied person can read the case', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    const taskId = await taskFor(s, id, 'sec1');
    expect(
      (await s.call('POST', `/api/tasks/${taskId}/comments`, { as: 'sec1', body: { text: '请尽快办理' } }))
        .status,
    ).toBe(200);
    expect((await s.call('GET', `/api/instances/${id}`, { as: 'rep1' })).status).toBe(404);
    const task = await body(await s.call('GET', `/api/tasks/${taskId}`, { as: 'sec1' }));
    if (task.operations.includes('cc')) {
      expect(
        (await s.call('POST', `/api/tasks/${taskId}/cc`, { as: 'sec1', body: { users: ['rep1'] } })).status,
      ).toBe(200);
      expect((await s.call('GET', `/api/instances/${id}`, { as: 'rep1' })).status).toBe(200);
      const cc = await body(await s.call('GET', '/api/tasks?scope=cc', { as: 'rep1' }));
      expect(cc.items.map((i: { instanceId: string }) => i.instanceId)).toContain(id);
    }
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view.comments.map((c: { text: string }) => c.text)).toContain('请尽快办理');
  });

  it('given the leader approval with read-only fields, when the leader reads the task, then those fields are marked readOnly', async () => {
    const id = await start(s, 'head103', KEY, h.application({ amountRequested: 5000 }));
    await complete(s, id, 'com1a', 'submit', h.homeVisit({ recommendedAmount: 5000 }));
    await complete(s, id, 'sec1', 'approve', h.approval({ approvedAmount: 5000 }));
    const taskId = await taskFor(s, id, 'leader1');
    const task = await body(await s.call('GET', `/api/tasks/${taskId}`, { as: 'leader1' }));
    expect(task.form.schema.properties.followUpInterval.readOnly).toBe(true);
    const res = await complete(
      s,
      id,
      'leader1',
      'approve',
      h.leaderApproval({ followUpInterval: 'quarterly' }),
    );
    expect(res.status).toBe(422);
  });

  it('given the case lists, when read, then started and involved show the case and bad cursors are 400', async () => {
    const started = await body(
      await s.call('GET', '/api/instances?scope=started&limit=2', { as: 'head103' }),
    );
    expect(started.items).toHaveLength(2);
    expect(started.nextCursor).toBeTruthy();
    const next = await body(
      await s.call('GET', `/api/instances?scope=started&limit=2&cursor=${started.nextCursor}`, {
        as: 'head103',
      }),
    );
    expect(next.items[0].id).not.toBe(started.items[1].id);
    expect((await s.call('GET', '/api/instances?scope=all', { as: 'admin' })).status).toBe(200);
    expect((await s.call('GET', '/api/instances?cursor=xyz', { as: 'head103' })).status).toBe(400);
    expect((await s.call('GET', '/api/tasks?cursor=xyz', { as: 'head103' })).status).toBe(400);
  });
});
