import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const KEY = 'hardship-assistance';
const DAY = 86_400_000;

describe('the next timer in the case view', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given a hardship case waiting on its home visit, when the applicant reads it, then the next timer is the visit reminder a day before the visit is due', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view.nextTimer).toMatchObject({ kind: 'reminder', stateId: 'homeVisit' });
    expect(view.nextTimer.stateName['zh-CN']).toBe(view.tasks[0].title['zh-CN']);
    expect(Date.parse(view.tasks[0].dueAt) - Date.parse(view.nextTimer.dueAt)).toBe(DAY);
    expect(Date.parse(view.nextTimer.dueAt)).toBeGreaterThan(Date.parse(view.startedAt));
  });

  it('given the visit submitted, when read again, then the next timer is the due date of the branch approval', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    expect((await complete(s, id, 'com1a', 'submit', h.homeVisit())).status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view.nextTimer.stateId).toBe('branchApproval');
    // the branch approval has a due date and no reminder: its due date is what comes next
    expect(view.nextTimer).toMatchObject({ kind: 'due', dueAt: view.tasks[0].dueAt });
    expect(view.nextTimer.stateName.en).toBe('Branch approves the assistance');
  });

  it('given a case an administrator suspended, when read, then no timer waits until it is resumed', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    const reason = { reason: '核查材料' };
    expect((await s.call('POST', `/api/instances/${id}/suspend`, { as: 'admin', body: reason })).status).toBe(
      200,
    );
    expect((await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }))).nextTimer).toBeNull();
    expect((await s.call('POST', `/api/instances/${id}/resume`, { as: 'admin', body: reason })).status).toBe(
      200,
    );
    const resumed = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(resumed.nextTimer).toMatchObject({ stateId: 'homeVisit' });
  });

  it('given a case rejected at the branch, when read, then no timer waits', async () => {
    const id = await start(s, 'head103', KEY, h.application());
    await complete(s, id, 'com1a', 'submit', h.homeVisit());
    const res = await complete(s, id, 'sec1', 'reject', undefined, { comment: '不符合条件。' });
    expect(res.status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head103' }));
    expect(view.status).toBe('completed');
    expect(view.nextTimer).toBeNull();
  });
});
