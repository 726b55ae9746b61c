import { createScratchDatabase, testBackends } from '@flowform/runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as acc from '../../../../tests/scenarios/data/accountability-data';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
type Scratch = Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

const REPORTER = '岳明举报人';
const CONTACT = '13907771234';

describe.each(testBackends())('case lifecycle for administrators: 挂起 / 恢复 / 取消 (%s)', (backend) => {
  let s: Server;
  let scratch: Scratch;
  let hardship: string;
  let secret: string;

  beforeAll(async () => {
    scratch = backend === 'postgres' ? await createScratchDatabase() : undefined;
    s = await openTestServer(scratch ? { target: { url: scratch.url, poolSize: 4 } } : {});
    hardship = await start(s, 'head103', 'hardship-assistance', h.application());
    secret = await start(
      s,
      'insp1',
      'accountability-investigation',
      acc.report({ source: 'publicReport', reporterName: REPORTER, reporterContact: CONTACT }),
    );
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await scratch?.drop();
  });

  const admin = (path: string, reason?: string) =>
    s.call('POST', `/api/instances/${path}`, { as: 'admin', body: reason === undefined ? {} : { reason } });
  const cases = async (query: string) =>
    (await body(await s.call('GET', `/api/admin/cases?${query}`, { as: 'admin' }))).items as {
      id: string;
      status: string;
      access: string;
      suspension: { reason: string } | null;
    }[];

  it('given a running case, when an administrator suspends it without a reason or a worker tries, then refused', async () => {
    expect((await admin(`${hardship}/suspend`)).status).toBe(400);
    expect((await admin(`${hardship}/suspend`, '   ')).status).toBe(400);
    const worker = await s.call('POST', `/api/instances/${hardship}/suspend`, {
      as: 'com1a',
      body: { reason: '核查' },
    });
    expect(worker.status).toBe(403);
    expect((await s.call('GET', '/api/admin/cases', { as: 'com1a' })).status).toBe(403);
  });

  it('given a suspended case, when its holder completes the task, then 409 case-suspended with the reason in both languages; the inbox marks it', async () => {
    expect((await admin(`${hardship}/suspend`, '核查家庭收入材料')).status).toBe(200);
    const view = await body(await s.call('GET', `/api/instances/${hardship}`, { as: 'admin' }));
    expect(view.suspension).toMatchObject({ by: 'admin', reason: '核查家庭收入材料' });
    const refused = await complete(s, hardship, 'com1a', 'submit', h.homeVisit());
    expect(refused.status).toBe(409);
    const problem = await body(refused);
    expect(problem).toMatchObject({ code: 'case-suspended', reason: '核查家庭收入材料' });
    expect(problem.detail).toContain('案件已被管理员挂起');
    const taskId = await taskFor(s, hardship, 'com1a');
    const english = await s.call('POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, {
      as: 'com1a',
      body: { outcome: 'submit', data: h.homeVisit() },
      headers: { 'accept-language': 'en' },
    });
    expect((await body(english)).detail).toContain('suspended by an administrator');
    const inbox = await body(await s.call('GET', '/api/tasks?scope=todo&limit=100', { as: 'com1a' }));
    const row = inbox.items.find((i: { instanceId: string }) => i.instanceId === hardship);
    expect(row.suspended).toBe(true);
    expect((await cases('status=suspended')).map((c) => c.id)).toContain(hardship);
    expect((await cases('status=running')).map((c) => c.id)).not.toContain(hardship);
  });

  it('given the suspended case, when resumed with a reason, then the task completes and the history holds both reasons', async () => {
    expect((await admin(`${hardship}/suspend`, '再次挂起')).status).toBe(409);
    expect((await admin(`${hardship}/resume`, '材料已核实')).status).toBe(200);
    expect((await admin(`${hardship}/resume`, '材料已核实')).status).toBe(409);
    expect((await complete(s, hardship, 'com1a', 'submit', h.homeVisit())).status).toBe(200);
    const history = await body(await s.call('GET', `/api/instances/${hardship}/history`, { as: 'admin' }));
    const text = JSON.stringify(history.entries);
    expect(text).toContain('核查家庭收入材料');
    expect(text).toContain('材料已核实');
  });

  it('given a confidential case, when the administrator lists, suspends, resumes and cancels it, then nothing of its hidden fields or people reaches him', async () => {
    expect((await s.call('GET', `/api/instances/${secret}`, { as: 'admin' })).status).toBe(404);
    const responses: string[] = [];
    const keep = async (res: Response, status: number) => {
      const text = await res.text();
      expect(res.status, text).toBe(status);
      responses.push(text);
    };
    const listed = await s.call('GET', '/api/admin/cases?definitionKey=accountability-investigation', {
      as: 'admin',
    });
    const listText = await listed.text();
    responses.push(listText);
    const item = (JSON.parse(listText).items as { id: string }[]).find((c) => c.id === secret);
    expect(item).toMatchObject({ access: 'break-glass', initiator: null, unit: null, caseNumber: null });
    await keep(await admin(`${secret}/suspend`, '纪检组请求暂停'), 200);
    expect((await cases('status=suspended')).find((c) => c.id === secret)?.suspension?.reason).toBe(
      '纪检组请求暂停',
    );
    await keep(await admin(`${secret}/resume`, '继续办理'), 200);
    await keep(await admin(`${secret}/cancel`), 422);
    await keep(await admin(`${secret}/cancel`, '当事人已调离'), 200);
    await keep(await s.call('GET', `/api/instances/${secret}/history`, { as: 'admin' }), 404);
    for (const text of responses) {
      for (const hidden of [REPORTER, CONTACT, 'insp1', acc.report().summary as string])
        expect(text).not.toContain(hidden);
    }
    expect((await cases('status=cancelled')).find((c) => c.id === secret)?.status).toBe('cancelled');
    // The discipline group still reads what happened.
    const seen = await body(await s.call('GET', `/api/instances/${secret}`, { as: 'insp2' }));
    expect(seen).toMatchObject({ status: 'cancelled', outcome: 'cancelled' });
  });

  it('given a non-administrator who may not open a confidential case, when he suspends or cancels it, then 404 as if it did not exist', async () => {
    const other = await start(s, 'insp1', 'accountability-investigation', acc.report());
    const res = await s.call('POST', `/api/instances/${other}/cancel`, {
      as: 'com1a',
      body: { reason: '无关' },
    });
    expect(res.status).toBe(404);
  });
});
