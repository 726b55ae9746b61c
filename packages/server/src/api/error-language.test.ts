import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as h from '../../../../tests/scenarios/data/hardship-data';
import { PROBLEM_TITLES } from '../http/problem-catalog';
import { start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const CJK = /[\u4e00-\u9fff]/;

describe('problems in the reader’s language, where the user is', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  /** A hardship case approved at 2000 yuan, now at the business group's payment. */
  async function atPayment(): Promise<string> {
    const id = await start(s, 'head103', 'hardship-assistance', h.application());
    for (const [user, outcome, data] of [
      ['com1a', 'submit', h.homeVisit()],
      ['sec1', 'approve', h.approval()],
    ] as const) {
      const taskId = await taskFor(s, id, user);
      const res = await s.call('POST', `/api/tasks/${taskId}/complete`, {
        as: user,
        body: { outcome, data },
      });
      expect(res.status).toBe(200);
    }
    return id;
  }

  const pay = async (id: string, language: string) =>
    s.call('POST', `/api/tasks/${await taskFor(s, id, 'biz1')}/complete`, {
      as: 'biz1',
      headers: { 'accept-language': language },
      body: { outcome: 'paid', data: h.payment({ amountPaid: 9000 }) },
    });

  it('given a payment above the approved amount, when refused in Chinese, then the guard’s own description names the amount paid', async () => {
    const res = await pay(await atPayment(), 'zh-CN');
    expect(res.status).toBe(422);
    const problem = await body(res);
    expect(problem.code).toBe('not-enabled');
    expect(problem.detail).toBe('未满足条件：发放金额不超过批准金额');
    expect(problem.errors).toEqual([
      { path: '/amountPaid', keyword: 'guard', message: '未满足条件：发放金额不超过批准金额' },
      { path: '/approvedAmount', keyword: 'guard', message: '未满足条件：发放金额不超过批准金额' },
    ]);
  });

  it('given the same refusal in English, then the description is the English one', async () => {
    const problem = await body(await pay(await atPayment(), 'en'));
    expect(problem.detail).toBe('Condition not met: The amount paid does not exceed the amount approved');
  });

  it('given a request that does not match its schema, when read in Chinese, then the detail is Chinese and the English stays beside it', async () => {
    const res = await s.call('POST', '/api/instances', {
      as: 'head103',
      headers: { 'accept-language': 'zh-CN' },
      body: { definitionKey: 'hardship-assistance', data: {}, surprise: 1 },
    });
    expect(res.status).toBe(400);
    const problem = await body(res);
    expect(problem.detail).toMatch(CJK);
    expect(problem.detail).toBe(PROBLEM_TITLES[problem.code as keyof typeof PROBLEM_TITLES]['zh-CN']);
    expect(problem.detailEn).toBe('The request does not match its schema');
  });
});
