import { createHmac } from 'node:crypto';
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { createLogger } from '../http/logger';
import { start } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';
import { createWorkers } from '../workers/background-workers';
import { WebhookDispatcher } from './webhook-dispatcher';

type Server = Awaited<ReturnType<typeof openTestServer>>;

/** A chat robot on 127.0.0.1 that fails the first `failFirst` posts, then answers errcode 0. */
async function robotReceiver(failFirst: number) {
  const received: { url: string; body: unknown }[] = [];
  let failures = failFirst;
  const server: HttpServer = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(500).end('{"errcode":-1}');
        return;
      }
      received.push({ url: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('notifications: outbox notify → in-app list, SSE, chat robots', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer({ heartbeatMs: 50 });
  }, 60_000);
  afterAll(() => s.close());

  it('given a new task, when the outbox delivers its notify effect, then the candidates get an in-app notification and a live event', async () => {
    const token = await s.login('com1a');
    const stream = await s.app.request('/api/events', { headers: { authorization: `Bearer ${token}` } });
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = stream.body!.getReader();
    const webhooks = new WebhookDispatcher({ targets: [], log: createLogger('silent') });
    const workers = createWorkers(s.ctx, webhooks, 'test-worker');
    const id = await start(s, 'head103', 'hardship-assistance', h.application());
    while ((await workers.outbox.runOnce()) > 0);
    const list = await body(await s.call('GET', '/api/notifications', { as: 'com1a' }));
    const mine = list.items.filter((n: { instanceId: string }) => n.instanceId === id);
    expect(mine).toEqual([expect.objectContaining({ kind: 'task-assigned', readAt: null })]);
    expect(mine[0].message['zh-CN']).toContain('爱心助困');
    expect(mine[0].message['zh-CN']).toContain('王桂芳 · 第一党支部 · 申请 2000 元');
    const inbox = await body(await s.call('GET', '/api/tasks?q=王桂芳', { as: 'com1a' }));
    expect(inbox.items.map((r: { instanceId: string }) => r.instanceId)).toContain(id);
    const row = inbox.items.find((r: { instanceId: string }) => r.instanceId === id);
    expect(row.caseTitle['zh-CN']).toBe('王桂芳 · 第一党支部 · 申请 2000 元');
    expect(row.initiator.username).toBe('head103');
    expect(list.unread).toBeGreaterThan(0);
    let seen = '';
    while (!seen.includes('event: notification'))
      seen += new TextDecoder().decode((await reader.read()).value);
    expect(seen).toContain('event: task.created');
    await reader.cancel();
    const read = await s.call('POST', `/api/notifications/${mine[0].id}/read`, { as: 'com1a' });
    expect(read.status).toBe(204);
    expect((await s.call('POST', `/api/notifications/${mine[0].id}/read`, { as: 'com1b' })).status).toBe(404);
    const after = await body(await s.call('GET', '/api/notifications?unread=true', { as: 'com1a' }));
    expect(after.items.map((n: { id: string }) => n.id)).not.toContain(mine[0].id);
    expect(
      (await body(await s.call('POST', '/api/notifications/read-all', { as: 'com1b' }))).updated,
    ).toBeGreaterThan(0);
  });

  it('given WeCom and DingTalk robots on 127.0.0.1 that fail at first, when notified, then each gets one text message naming the people after retries, DingTalk signed', async () => {
    const wecom = await robotReceiver(1);
    const dingtalk = await robotReceiver(2);
    const waits: number[] = [];
    const webhooks = new WebhookDispatcher({
      targets: [
        { kind: 'wecom', url: `${wecom.base}/cgi-bin/webhook/send?key=k1` },
        { kind: 'dingtalk', url: `${dingtalk.base}/robot/send?access_token=t1`, secret: 'SECtest' },
      ],
      log: createLogger('silent'),
      sleep: async (ms) => {
        waits.push(ms);
      },
      now: () => 1_700_000_000_000,
    });
    const workers = createWorkers(s.ctx, webhooks, 'robot-worker');
    await start(s, 'head103', 'hardship-assistance', h.application());
    while ((await workers.outbox.runOnce()) > 0);
    await webhooks.drain();
    expect(wecom.received).toHaveLength(1);
    expect(dingtalk.received).toHaveLength(1);
    expect(wecom.received[0]!.body).toMatchObject({
      msgtype: 'text',
      text: { content: expect.stringContaining('新待办：爱心助困') },
    });
    // One label, and the people by name (邱宏伟 is com1a, 史爱华 com1b), not by username.
    const content = (wecom.received[0]!.body as { text: { content: string } }).text.content;
    expect(content).not.toContain('新待办：新待办');
    expect(content).toContain('邱宏伟、史爱华');
    expect(content).not.toContain('com1a');
    const url = new URL(dingtalk.received[0]!.url, dingtalk.base);
    const expected = createHmac('sha256', 'SECtest').update('1700000000000\nSECtest').digest('base64');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(url.searchParams.get('access_token')).toBe('t1');
    expect(waits.sort()).toEqual([1000, 1000, 2000]);
    await Promise.all([wecom.close(), dingtalk.close()]);
  });

  it('given a confidential case, when its robots are told, then the message names nothing', async () => {
    const robot = await robotReceiver(0);
    const webhooks = new WebhookDispatcher({
      targets: [{ kind: 'wecom', url: robot.base }],
      log: createLogger('silent'),
    });
    const workers = createWorkers(s.ctx, webhooks, 'confidential-worker');
    const { report } = await import('../../../../tests/scenarios/data/accountability-data');
    await start(s, 'insp1', 'accountability-investigation', report());
    while ((await workers.outbox.runOnce()) > 0);
    await webhooks.drain();
    const text = (robot.received[0]!.body as { text: { content: string } }).text.content;
    expect(text).toContain('保密');
    expect(text).not.toContain('责任追究');
    expect(text).not.toContain('head101');
    await robot.close();
  });
});
