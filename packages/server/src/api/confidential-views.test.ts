import { createScratchDatabase, testBackends } from '@flowform/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as acc from '../../../../tests/scenarios/data/accountability-data';
import * as talk from '../../../../tests/scenarios/data/admonition-data';
import { complete, start, taskFor } from '../testing/case-helpers';
import { outboxDelivery } from '../testing/outbox-delivery';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
type Scratch = Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

/** A test server on the backend (PGlite, or a scratch PostgreSQL database). */
async function serverOn(backend: string, options: { heartbeatMs?: number } = {}) {
  const scratch: Scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
  const s = await openTestServer({
    ...options,
    ...(scratch ? { target: { url: scratch.url, poolSize: 4 } } : {}),
  });
  return { s, scratch };
}

const KEY = 'accountability-investigation';
const REPORTER = '岳明举报人';
const CONTACT = '13907771234';

/** Uploads a small file to a case as a user; answers its id. */
async function upload(s: Server, id: string, user: string, name: string): Promise<string> {
  const form = new FormData();
  form.set('file', new File([new TextEncoder().encode(`材料 ${name}`)], name, { type: 'text/plain' }));
  const res = await s.call('POST', `/api/instances/${id}/attachments`, { as: user, raw: form });
  expect(res.status).toBe(201);
  return (await body(res)).id as string;
}

/** Reads an SSE stream until `until` resolves, keeping every byte it sent. */
function drain(stream: Response) {
  const reader = stream.body!.getReader();
  let text = '';
  let open = true;
  const done = (async () => {
    while (open) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
  })();
  return {
    text: () => text,
    stop: async () => {
      open = false;
      await reader.cancel();
      await done;
    },
  };
}

describe.each(testBackends())(
  'the person concerned in an accountability case never receives the reporter or the evidence (%s)',
  (backend) => {
    let s: Server;
    let scratch: Scratch;
    let deliver: () => Promise<number>;
    let id: string;
    let evidence: string;
    let loose: string;
    let stream: ReturnType<typeof drain>;

    /** Every route that returns case data, as the person concerned: status and raw body. */
    async function walk(as: string): Promise<{ route: string; status: number; text: string }[]> {
      const task = await s.ctx.db
        .selectFrom('tasks')
        .select('id')
        .where('instance_id', '=', id)
        .orderBy('created_at')
        .execute();
      const routes = [
        `/api/instances/${id}`,
        `/api/instances/${id}/history`,
        `/api/instances/${id}/attachments`,
        `/api/instances/${id}/attachments/${evidence}`,
        `/api/instances/${id}/attachments/${loose}`,
        ...task.map((t) => `/api/tasks/${encodeURIComponent(t.id)}`),
        '/api/instances?scope=involved',
        '/api/instances?scope=all',
        '/api/instances?scope=started',
        '/api/tasks?scope=todo',
        '/api/tasks?scope=done',
        '/api/tasks?scope=cc',
        `/api/tasks?q=${encodeURIComponent(REPORTER)}`,
        '/api/notifications',
        '/api/reports/export?table=cases&format=csv',
        '/api/me',
      ];
      const out = [];
      for (const route of routes) {
        const res = await s.call('GET', route, { as });
        out.push({ route, status: res.status, text: await res.text() });
      }
      return out;
    }

    const secrets = () => [REPORTER, CONTACT, evidence, loose];
    /** The secrets a body may not hold: a 404 problem echoes the path asked for (its file id), nothing else. */
    const secretsFor = (route: string) => secrets().filter((x) => !route.endsWith(x));

    beforeAll(async () => {
      ({ s, scratch } = await serverOn(backend, { heartbeatMs: 50 }));
      deliver = outboxDelivery(s.ctx);
      const token = await s.login('head101');
      stream = drain(await s.app.request('/api/events', { headers: { authorization: `Bearer ${token}` } }));
      id = await start(
        s,
        'insp1',
        KEY,
        acc.report({ source: 'publicReport', reporterName: REPORTER, reporterContact: CONTACT }),
      );
      const investigate = await taskFor(s, id, 'insp1');
      evidence = await upload(s, id, 'insp1', '巡井记录照片.txt');
      loose = await upload(s, id, 'insp1', '举报录音整理.txt');
      const comment = await s.call('POST', `/api/tasks/${encodeURIComponent(investigate)}/comments`, {
        as: 'insp1',
        body: { text: `举报人${REPORTER}（${CONTACT}）反映属实` },
      });
      expect(comment.status).toBeLessThan(300);
      const investigated = await complete(
        s,
        id,
        'insp1',
        'submit',
        acc.investigation({ evidence: [{ description: '巡井记录照片', attachmentId: evidence }] }),
      );
      expect(investigated.status).toBe(200);
      await deliver();
    }, 180_000);
    afterAll(async () => {
      await stream?.stop();
      await s?.close();
      await scratch?.drop();
    });

    it('given the discipline group, when an inspector reads the case, then the reporter and the evidence are there (the control)', async () => {
      const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'insp2' }));
      expect(view.data).toMatchObject({ reporterName: REPORTER, reporterContact: CONTACT });
      // the case lists the files a submission names: an upload no submission kept is not the case's
      expect(view.attachments.map((a: { id: string }) => a.id)).toEqual([evidence]);
      expect(view.comments.map((c: { text: string }) => c.text).join()).toContain(REPORTER);
      const file = await s.call('GET', `/api/instances/${id}/attachments/${evidence}`, { as: 'leader3' });
      expect(file.status).toBe(200);
    });

    it('given the person concerned holding the statement task, when every route is walked, then the fields are absent and no body names the reporter or the files', async () => {
      const statement = await taskFor(s, id, 'head101');
      const task = await body(
        await s.call('GET', `/api/tasks/${encodeURIComponent(statement)}`, { as: 'head101' }),
      );
      expect(task.status).toBe('open');
      for (const field of ['reporterName', 'reporterContact', 'evidence', 'attachments'])
        expect(field in task.data, field).toBe(false);
      const view = await body(await s.call('GET', `/api/instances/${id}`, { as: 'head101' }));
      expect(view.data.summary).toBe(acc.report().summary);
      expect('reporterName' in view.data).toBe(false);
      const walked = await walk('head101');
      expect(walked.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(14);
      expect(walked.find((r) => r.route.endsWith(evidence))?.status).toBe(404);
      expect(walked.find((r) => r.route.endsWith(loose))?.status).toBe(404);
      for (const r of walked)
        for (const secret of secretsFor(r.route)) expect(r.text, r.route).not.toContain(secret);
    });

    it('given the case decided and announced to him, when he walks every route and his live stream, then still nothing names the reporter or the files', async () => {
      expect((await complete(s, id, 'head101', 'submit', acc.statement())).status).toBe(200);
      expect((await complete(s, id, 'insp1', 'submit', acc.proposal())).status).toBe(200);
      expect((await complete(s, id, 'leader3', 'approve', acc.decision())).status).toBe(200);
      await deliver();
      const notices = await body(await s.call('GET', '/api/notifications', { as: 'head101' }));
      const told = notices.items.filter((n: { instanceId: string; kind: string }) => n.instanceId === id);
      expect(told.map((n: { kind: string }) => n.kind)).toContain('message');
      const walked = await walk('head101');
      expect(walked.find((r) => r.route === `/api/instances/${id}`)?.status).toBe(200);
      for (const r of walked)
        for (const secret of secretsFor(r.route)) expect(r.text, r.route).not.toContain(secret);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(stream.text()).toContain('event: notification');
      expect(stream.text()).toContain(id);
      for (const secret of secrets()) expect(stream.text()).not.toContain(secret);
    });

    it('given a cadre told to attend an admonition talk, when the schedule is set, then he is told and may open the case the message points to', async () => {
      const talkId = await start(s, 'leader1', 'admonition-talk', talk.request());
      expect((await s.call('GET', `/api/instances/${talkId}`, { as: 'head105' })).status).toBe(404);
      expect((await complete(s, talkId, 'leader2', 'scheduled', talk.schedule())).status).toBe(200);
      await deliver();
      const notices = await body(await s.call('GET', '/api/notifications', { as: 'head105' }));
      const told = notices.items.filter((n: { instanceId: string }) => n.instanceId === talkId);
      expect(told.map((n: { kind: string }) => n.kind)).toEqual(['message']);
      expect((await s.call('GET', `/api/instances/${talkId}`, { as: 'head105' })).status).toBe(200);
    });

    it('given the branch secretary of the unit, when the decision is announced, then he is not told about a case he may not open', async () => {
      const notices = await body(await s.call('GET', '/api/notifications', { as: 'sec1' }));
      expect(notices.items.filter((n: { instanceId: string }) => n.instanceId === id)).toEqual([]);
      expect((await s.call('GET', `/api/instances/${id}`, { as: 'sec1' })).status).toBe(404);
    });
  },
);

describe.each(testBackends())(
  'losing access to a confidential case removes it from every list (%s)',
  (backend) => {
    let s: Server;
    let scratch: Scratch;

    beforeAll(async () => {
      ({ s, scratch } = await serverOn(backend));
    }, 180_000);
    afterAll(async () => {
      await s?.close();
      await scratch?.drop();
    });

    const listed = async (user: string, id: string) => {
      const routes = ['/api/instances?scope=involved', '/api/instances?scope=all', '/api/tasks?scope=todo'];
      const found: string[] = [];
      for (const route of routes) {
        const text = await (await s.call('GET', route, { as: user })).text();
        if (text.includes(id)) found.push(route);
      }
      return found;
    };

    it('given an inspector who claimed the investigation, when he is removed from the discipline group, then the case leaves his lists and answers 404', async () => {
      const id = await start(s, 'leader4', KEY, acc.report({ reporterName: REPORTER }));
      const task = await taskFor(s, id, 'insp2');
      expect(
        (await s.call('POST', `/api/tasks/${encodeURIComponent(task)}/claim`, { as: 'insp2' })).status,
      ).toBe(200);
      expect(await listed('insp2', id)).toEqual([
        '/api/instances?scope=involved',
        '/api/instances?scope=all',
        '/api/tasks?scope=todo',
      ]);
      const change = await s.call('POST', '/api/admin/organisation/changes', {
        as: 'admin',
        body: {
          ops: [
            { op: 'removeMembership', username: 'insp2', role: 'disciplineInspector', unit: 'supervision' },
          ],
        },
      });
      expect(change.status).toBeLessThan(300);
      expect(await listed('insp2', id)).toEqual([]);
      expect((await s.call('GET', `/api/instances/${id}`, { as: 'insp2' })).status).toBe(404);
      expect((await s.call('GET', `/api/tasks/${encodeURIComponent(task)}`, { as: 'insp2' })).status).toBe(
        404,
      );
      expect(await listed('insp3', id)).toContain('/api/instances?scope=all');
    });

    it('given a branch secretary named talker of a confidential admonition, when he transfers the schedule away, then the case leaves his lists', async () => {
      const id = await start(s, 'leader1', 'admonition-talk', talk.request({ talker: 'sec2' }));
      const task = await taskFor(s, id, 'sec2');
      expect(await listed('sec2', id)).toEqual([
        '/api/instances?scope=involved',
        '/api/instances?scope=all',
        '/api/tasks?scope=todo',
      ]);
      const moved = await s.call('POST', `/api/tasks/${encodeURIComponent(task)}/transfer`, {
        as: 'sec2',
        body: { to: 'leader2', comment: '请区领导谈话' },
      });
      expect(moved.status).toBe(200);
      expect(await listed('sec2', id)).toEqual([]);
      const done = await (await s.call('GET', '/api/tasks?scope=done', { as: 'sec2' })).text();
      expect(done).not.toContain(id);
      expect((await s.call('GET', `/api/instances/${id}`, { as: 'sec2' })).status).toBe(404);
      expect(await listed('leader2', id)).toContain('/api/tasks?scope=todo');
    });
  },
);
