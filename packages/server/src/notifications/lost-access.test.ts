/** Losing access to a case removes it from every list, the notifications and their unread count too. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as acc from '../../../../tests/scenarios/data/accountability-data';
import { start } from '../testing/case-helpers';
import { outboxDelivery } from '../testing/outbox-delivery';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
interface Notice {
  instanceId: string | null;
}

describe('a discipline inspector who leaves the group loses the confidential case everywhere', () => {
  let s: Server;
  let id: string;
  const notices = async (query = '') =>
    (await body(await s.call('GET', `/api/notifications${query}`, { as: 'insp2' }))) as {
      items: Notice[];
      unread: number;
    };
  const about = (list: { items: Notice[] }) => list.items.filter((n) => n.instanceId === id).length;

  beforeAll(async () => {
    s = await openTestServer();
    id = await start(s, 'insp1', 'accountability-investigation', acc.report());
    await outboxDelivery(s.ctx)();
  }, 60_000);
  afterAll(() => s.close());

  it('given insp2 was told of the investigation, when he reads his notifications, then it is listed and unread', async () => {
    const list = await notices('?unread=true');
    expect(about(list)).toBeGreaterThan(0);
    expect(list.unread).toBe(list.items.length);
    expect((await s.call('GET', `/api/instances/${id}`, { as: 'insp2' })).status).toBe(200);
  });

  it('given insp2 leaves the discipline group, when he reads his lists, then the case, its notifications and their unread count are gone', async () => {
    const before = await notices('?unread=true');
    const lost = about(before);
    const change = await s.call('POST', '/api/admin/organisation/changes', {
      as: 'admin',
      body: {
        ops: [
          { op: 'removeMembership', username: 'insp2', role: 'disciplineInspector', unit: 'supervision' },
        ],
      },
    });
    expect(change.status).toBe(200);
    expect((await s.call('GET', `/api/instances/${id}`, { as: 'insp2' })).status).toBe(404);
    const after = await notices('?unread=true');
    expect(about(after)).toBe(0);
    expect(after.unread).toBe(before.unread - lost);
    expect(after.unread).toBe(after.items.length);
    for (const scope of ['todo', 'done', 'cc']) {
      const tasks = await body(await s.call('GET', `/api/tasks?scope=${scope}`, { as: 'insp2' }));
      expect(tasks.items.map((t: Notice) => t.instanceId)).not.toContain(id);
    }
    for (const scope of ['involved', 'all', 'started']) {
      const cases = await body(await s.call('GET', `/api/instances?scope=${scope}`, { as: 'insp2' }));
      expect(cases.items.map((c: { id: string }) => c.id)).not.toContain(id);
    }
  });
});
