import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { createLogger } from '../http/logger';
import { start } from '../testing/case-helpers';
import { openTestServer } from '../testing/test-server';
import { createWorkers } from '../workers/background-workers';
import { workMessageChannels } from './platform-channels';
import { WebhookDispatcher } from './webhook-dispatcher';

type Server = Awaited<ReturnType<typeof openTestServer>>;
type Call = { path: string; query: Record<string, string>; body?: Record<string, unknown> };

/**
 * A stand-in for both platforms on 127.0.0.1: WeCom's and DingTalk's token and send endpoints. WeCom
 * says the first token expired (errcode 42001); DingTalk's send fails with HTTP 500 `dingFailures` times.
 */
async function platforms(dingFailures: number) {
  const calls: Call[] = [];
  let tokens = 0;
  let weComSends = 0;
  let failures = dingFailures;
  const server: HttpServer = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const call: Call = { path: url.pathname, query: Object.fromEntries(url.searchParams) };
      if (text) call.body = JSON.parse(text);
      calls.push(call);
      const json = (status: number, value: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
      if (url.pathname === '/cgi-bin/gettoken' || url.pathname === '/gettoken') {
        tokens += 1;
        return json(200, { errcode: 0, errmsg: 'ok', access_token: `token${tokens}`, expires_in: 7200 });
      }
      if (url.pathname === '/cgi-bin/message/send') {
        weComSends += 1;
        if (weComSends === 1) return json(200, { errcode: 42001, errmsg: 'access_token expired' });
        return json(200, { errcode: 0, errmsg: 'ok', invaliduser: '' });
      }
      if (url.pathname === '/topapi/message/corpconversation/asyncsend_v2') {
        if (failures > 0) {
          failures -= 1;
          return json(500, { errcode: -1, errmsg: 'busy' });
        }
        return json(200, { errcode: 0, errmsg: 'ok', task_id: 1 });
      }
      json(404, { errcode: 404 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('work messages (工作通知): WeCom application messages and DingTalk work notices', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  it('given both apps configured, when a task is assigned, then each holder gets one work message on each platform, the expired token renewed and the failed platform retried by the outbox', async () => {
    const stand = await platforms(1);
    const channels = workMessageChannels({
      wecom: { corpId: 'ww-corp', corpSecret: 'wecom-secret', agentId: 1000002, apiBase: stand.base },
      dingtalk: { appKey: 'ding-key', appSecret: 'ding-secret', agentId: 2000001, apiBase: stand.base },
    });
    const webhooks = new WebhookDispatcher({ targets: [], log: createLogger('silent') });
    const workers = createWorkers(s.ctx, webhooks, 'work-message-worker', channels);
    // The command succeeds whatever the platforms answer: messages go out after it committed.
    const id = await start(s, 'head103', 'hardship-assistance', h.application());
    while ((await workers.outbox.runOnce()) > 0);
    const sends = () => stand.calls.filter((c) => c.body);
    const weCom = sends().filter((c) => c.path === '/cgi-bin/message/send');
    expect(weCom.map((c) => c.query.access_token)).toEqual(['token1', 'token2']);
    expect(weCom[1]!.body).toEqual({
      touser: 'com1a|com1b',
      msgtype: 'text',
      agentid: 1000002,
      text: { content: expect.stringMatching(/^【Flowform】新待办：爱心助困 · .+\n.+\/tasks\//) },
    });
    expect(JSON.stringify(weCom[1]!.body)).not.toContain('新待办：新待办');
    const pending = await s.ctx.db
      .selectFrom('outbox')
      .select(['id', 'last_error'])
      .where('instance_id', '=', id)
      .where('delivered_at', 'is', null)
      .execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.last_error).toContain('dingtalk');
    // The outbox's backoff has passed: the notify effect runs again; only DingTalk is sent.
    await sql`update outbox set next_attempt_at = now() where id = ${pending[0]!.id}`.execute(s.ctx.db);
    while ((await workers.outbox.runOnce()) > 0);
    expect(sends().filter((c) => c.path === '/cgi-bin/message/send')).toHaveLength(2);
    const ding = sends().filter((c) => c.path === '/topapi/message/corpconversation/asyncsend_v2');
    expect(ding).toHaveLength(2);
    expect(ding[1]!.body).toMatchObject({
      agent_id: 2000001,
      userid_list: 'com1a,com1b',
      msg: { msgtype: 'text', text: { content: expect.stringContaining('新待办：爱心助困') } },
    });
    expect(stand.calls.filter((c) => c.path.endsWith('gettoken')).map((c) => c.query)).toEqual([
      { corpid: 'ww-corp', corpsecret: 'wecom-secret' },
      { corpid: 'ww-corp', corpsecret: 'wecom-secret' },
      { appkey: 'ding-key', appsecret: 'ding-secret' },
    ]);
    const sent = await s.ctx.db.selectFrom('work_messages').select(['username', 'channel']).execute();
    expect(sent.map((r) => `${r.channel}:${r.username}`).sort()).toEqual([
      'dingtalk:com1a',
      'dingtalk:com1b',
      'wecom:com1a',
      'wecom:com1b',
    ]);
    await stand.close();
  });

  it('given a token fetched once, when more messages go out within its lifetime, then it is reused', async () => {
    const stand = await platforms(0);
    const [weCom] = workMessageChannels({
      wecom: { corpId: 'c', corpSecret: 's', agentId: 1, apiBase: stand.base },
    });
    await weCom!.send(['a'], '一');
    await weCom!.send(['b'], '二');
    await weCom!.send(['c'], '三');
    expect(stand.calls.filter((c) => c.path === '/cgi-bin/gettoken')).toHaveLength(2);
    expect(
      stand.calls.filter((c) => c.path === '/cgi-bin/message/send').map((c) => c.query.access_token),
    ).toEqual(['token1', 'token2', 'token2', 'token2']);
    await stand.close();
  });
});
