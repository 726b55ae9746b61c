import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardshipV2 } from '../../../../tests/migration/hardship-v2';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { complete, start } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const W = { 'x-requested-with': 'test' };
const KEY = 'hardship-assistance';
const base = `/api/definitions/${KEY}`;

describe('what-if and migration routes (administrators)', () => {
  let s: Server;
  const ids = { visit: '', approval: '', payment: '' };

  beforeAll(async () => {
    s = await openTestServer();
    ids.visit = await start(s, 'head103', KEY, h.application());
    ids.approval = await start(s, 'head103', KEY, h.application());
    await complete(s, ids.approval, 'com1a', 'submit', h.homeVisit());
    ids.payment = await start(s, 'head103', KEY, h.application());
    await complete(s, ids.payment, 'com1a', 'submit', h.homeVisit());
    await complete(s, ids.payment, 'sec1', 'approve', h.approval());
  }, 60_000);
  afterAll(() => s.close());

  it('given v2 saved as the draft, when the admin asks what-if against it, then each running case has its verdict', async () => {
    const v1 = await s.ctx.runtime.definitions.get(KEY, 1);
    const put = await s.call('PUT', `${base}/draft`, { as: 'admin', body: hardshipV2(v1), headers: W });
    expect(put.status).toBe(200);
    const res = await s.call('POST', `${base}/what-if`, { as: 'admin', body: { draft: true }, headers: W });
    expect(res.status).toBe(200);
    const json = await body(res);
    expect(json.against).toBe(`draft of ${KEY}`);
    expect(
      json.cases.map((c: { instanceId: string; result: { verdict: string } }) => [
        c.instanceId,
        c.result.verdict,
      ]),
    ).toEqual([
      [ids.visit, 'same'],
      [ids.approval, 'different'],
      [ids.payment, 'refused'],
    ]);
    expect(json.cases[2].result).toMatchObject({ at: 3, code: 'invalid-command' });
  });

  it('given v2 published, when the mapping is proposed, then the renamed step needs a target and the running cases are counted per state', async () => {
    expect((await s.call('POST', `${base}/publish`, { as: 'admin', headers: W })).status).toBe(201);
    const res = await s.call('GET', `${base}/migration?from=1&to=2`, { as: 'admin' });
    expect(res.status).toBe(200);
    const json = await body(res);
    expect(json.running).toEqual({ homeVisit: 1, branchApproval: 1, payment: 1 });
    expect(json.proposal.states.find((p: { source: string }) => p.source === 'payment')).toEqual({
      source: 'payment',
      target: null,
      reason: 'removed',
      suggestion: 'disbursement',
      voting: false,
    });
  });

  it('given a mapping leaving the payment step without a target, when dry-run or applied, then 422 migration-refused names the path and nothing moves', async () => {
    for (const path of [`${base}/migration/dry-run`, `${base}/migration`]) {
      const res = await s.call('POST', path, {
        as: 'admin',
        body: { from: 1, to: 2, states: {} },
        headers: W,
      });
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const json = await body(res);
      expect(json.code).toBe('migration-refused');
      expect(json.problems.map((p: { code: string; path: string }) => [p.code, p.path])).toEqual([
        ['migration-unmapped-state', '/states/payment'],
      ]);
    }
    const rows = await s.ctx.runtime.db.selectFrom('instances').select('definition_version').execute();
    expect(rows.map((r) => r.definition_version)).toEqual([1, 1, 1]);
  });

  it('given payment → disbursement, when dry-run and then applied, then every case moves where mapped, the business group holds the payment task and the admin audit names the mapping', async () => {
    const mapping = { from: 1, to: 2, states: { payment: 'disbursement' } };
    const dry = await body(
      await s.call('POST', `${base}/migration/dry-run`, { as: 'admin', body: mapping, headers: W }),
    );
    expect(dry.cases.map((c: { status: string; to: string[] }) => [c.status, c.to])).toEqual([
      ['moved', ['homeVisit']],
      ['moved', ['branchApproval']],
      ['moved', ['disbursement']],
    ]);
    const res = await s.call('POST', `${base}/migration`, { as: 'admin', body: mapping, headers: W });
    expect(res.status).toBe(200);
    const applied = await body(res);
    expect(applied.cases.map((c: { status: string }) => c.status)).toEqual(['moved', 'moved', 'moved']);
    expect(await complete(s, ids.payment, 'biz1', 'paid', h.payment())).toMatchObject({ status: 200 });
    const audit = await s.ctx.db
      .selectFrom('admin_audit')
      .select(['action', 'detail'])
      .where('action', '=', 'migrate')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toMatchObject({ mapping: applied.mapping.id, moved: 3 });
  });

  it.each([
    ['GET', `${base}/migration?from=1&to=2`, undefined],
    ['POST', `${base}/what-if`, { version: 2 }],
    ['POST', `${base}/migration/dry-run`, { from: 1, to: 2, states: {} }],
    ['POST', `${base}/migration`, { from: 1, to: 2, states: {} }],
  ])(
    'given someone who is not an administrator, when calling %s %s, then 403',
    async (method, path, payload) => {
      const res = await s.call(method, path, { as: 'sec1', body: payload, headers: W });
      expect(res.status).toBe(403);
    },
  );

  it.each([
    [`${base}/migration?from=1&to=9`, 'GET', undefined, 404],
    [`${base}/what-if`, 'POST', { version: 9 }, 404],
    [`${base}/what-if`, 'POST', {}, 400],
    [`${base}/what-if`, 'POST', { version: 1, draft: true }, 400],
    [`${base}/migration`, 'POST', { from: 1, to: 2, states: {}, votes: { payment: 'keep' } }, 400],
    ['/api/definitions/no-such/migration/dry-run', 'POST', { from: 1, to: 2, states: {} }, 404],
  ])('given %s %s %j, when called, then %i', async (path, method, payload, status) => {
    const res = await s.call(method, path, { as: 'admin', body: payload, headers: W });
    expect(res.status).toBe(status);
  });
});
