import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as hardship from '../../../../tests/scenarios/data/hardship-data';
import * as reassignment from '../../../../tests/scenarios/data/reassignment-data';
import * as scrap from '../../../../tests/scenarios/data/scrap-data';
import { PROBLEM_TITLES } from '../http/problem-catalog';
import { shippedBundles } from '../seed/demo-seed';
import { start, taskFor } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

type Server = Awaited<ReturnType<typeof openTestServer>>;
const CJK = /[\u4e00-\u9fff]/;
const EN = { 'accept-language': 'en' };

/**
 * Engine refusals provoked through real requests: each answers a 4xx problem with the engine's code,
 * titled in the reader's language, and field errors where a field is at fault. Every code is walked
 * through the mapping in `http/engine-problems.test.ts`; these are the ones the shipped processes
 * reach.
 */
describe('engine errors over the API', () => {
  let s: Server;
  beforeAll(async () => {
    s = await openTestServer();
  }, 60_000);
  afterAll(() => s.close());

  /** Sends a request in both languages; checks the common shape; returns both bodies. */
  async function refused(
    method: string,
    path: string,
    as: string,
    payload: unknown,
    status: number,
    code: string,
  ) {
    const zhRes = await s.call(method, path, { as, body: payload });
    const enRes = await s.call(method, path, { as, body: payload, headers: EN });
    const zh = await body(zhRes);
    const en = await body(enRes);
    expect([zhRes.status, zh.code], JSON.stringify(zh)).toEqual([status, code]);
    expect([enRes.status, en.code]).toEqual([status, code]);
    expect(code in PROBLEM_TITLES).toBe(true);
    expect(zh.title).toMatch(CJK);
    expect(en.title).not.toMatch(CJK);
    return { zh, en };
  }

  const startPath = '/api/instances';

  it.each([
    ['branch-secretary-reassignment', 'leader2', reassignment.proposal({ branch: 'z' }), '/branch'],
    ['hardship-assistance', 'head103', hardship.application({ patch: 'w-tja--' }), '/patch'],
    ['scrap-material-recovery', 'head113', scrap.handIn({ station: 'k--56-' }), '/station'],
  ])(
    'given %s started with an unknown unit, then 422 invalid-reference at the field, in zh-CN and English',
    async (key, user, data, path) => {
      const { zh, en } = await refused(
        'POST',
        startPath,
        user,
        { definitionKey: key, data },
        422,
        'invalid-reference',
      );
      const value = (data as Record<string, string>)[path.slice(1)];
      expect(zh.errors).toEqual([
        { path, keyword: 'format', message: expect.stringContaining(`组织架构中没有编号为“${value}”的单位`) },
      ]);
      expect(en.errors).toEqual([
        {
          path,
          keyword: 'format',
          message: expect.stringMatching(`^".+": no unit "${value}" in the directory$`),
        },
      ]);
    },
  );

  it('given the branch-secretary process started for a station, then 422 invalid-reference: not a branch', async () => {
    const payload = {
      definitionKey: 'branch-secretary-reassignment',
      data: reassignment.proposal({ branch: 'station-105' }),
    };
    const { zh, en } = await refused('POST', startPath, 'leader2', payload, 422, 'invalid-reference');
    expect(zh.errors).toEqual([
      {
        path: '/branch',
        keyword: 'x-unitKinds',
        message: expect.stringContaining('105计量站是计量站，不是党支部'),
      },
    ]);
    expect(en.errors[0].message).toContain('is a metering station, not a Party branch');
  });

  it('given the unit field as a number, then 422 invalid-form at that field (the form check answers first)', async () => {
    const data = reassignment.proposal({ branch: 5 });
    const payload = { definitionKey: 'branch-secretary-reassignment', data };
    const { en } = await refused('POST', startPath, 'leader2', payload, 422, 'invalid-form');
    expect(en.errors.map((e: { path: string }) => e.path)).toEqual(['/branch']);
  });

  it('given only an unknown unit and nothing else (the fuzzer’s request), then 422, never 500', async () => {
    const payload = { definitionKey: 'branch-secretary-reassignment', data: { branch: 'z' } };
    const { en } = await refused('POST', startPath, 'leader2', payload, 422, 'invalid-form');
    expect(en.errors.length).toBeGreaterThan(0);
  });

  it('given a user outside the starters, then 403 not-permitted', async () => {
    const payload = { definitionKey: 'hardship-assistance', data: hardship.application() };
    await refused('POST', startPath, 'w005', payload, 403, 'not-permitted');
  });

  it('given a process that does not exist, then 404 definition-not-found', async () => {
    await refused(
      'POST',
      startPath,
      'head103',
      { definitionKey: 'no-such-process', data: {} },
      404,
      'definition-not-found',
    );
  });

  it('given a task, when completed with an outcome it does not have, then 422 invalid-command', async () => {
    const id = await start(s, 'head103', 'hardship-assistance', hardship.application());
    const task = await taskFor(s, id, 'com1a');
    await refused(
      'POST',
      `/api/tasks/${task}/complete`,
      'com1a',
      { outcome: 'nope' },
      422,
      'invalid-command',
    );
  });

  it('given a task a member has claimed, when they claim it again, then 409 stale', async () => {
    const id = await start(s, 'head103', 'hardship-assistance', hardship.application());
    const task = await taskFor(s, id, 'com1a');
    expect((await s.call('POST', `/api/tasks/${task}/claim`, { as: 'com1a' })).status).toBe(200);
    await refused('POST', `/api/tasks/${task}/claim`, 'com1a', undefined, 409, 'stale');
  });

  /**
   * A variant of hardship assistance stored without lint (as a definition published before a lint
   * rule existed would be): lint keeps such definitions out, the mapping must still hold.
   */
  async function publishVariant(key: string, change: (definition: Record<string, unknown>) => void) {
    const bundle = structuredClone(shippedBundles().find((b) => b.definition.key === 'hardship-assistance')!);
    bundle.definition.key = key;
    change(bundle.definition as unknown as Record<string, unknown>);
    await s.ctx.runtime.definitions.publish(bundle, 'admin');
  }

  it('given a starters expression that fails on the start data, then 422 expression-failed with its reason', async () => {
    await publishVariant('hardship-failing-starters', (d) => {
      d.starters = { kind: 'cel', expr: '[data.beneficiaryName][int(data.householdSize)]' };
    });
    const payload = { definitionKey: 'hardship-failing-starters', data: hardship.application() };
    const { en } = await refused('POST', startPath, 'head103', payload, 422, 'expression-failed');
    expect(en.reason).toBe('index-out-of-range');
  });

  it('given a first task nobody can take under the error policy, then 422 assignment-empty', async () => {
    await publishVariant('hardship-nobody-visits', (d) => {
      const states = (d.machine as { states: Record<string, { task: Record<string, unknown> }> }).states;
      states.homeVisit!.task.assignment = { kind: 'users', users: [] };
      states.homeVisit!.task.onEmpty = 'error';
    });
    const payload = { definitionKey: 'hardship-nobody-visits', data: hardship.application() };
    await refused('POST', startPath, 'head103', payload, 422, 'assignment-empty');
  });

  it('given a case where nothing was done yet, when its starter withdraws, then 422 not-enabled', async () => {
    const id = await start(s, 'head103', 'hardship-assistance', hardship.application());
    await refused('POST', `/api/instances/${id}/withdraw`, 'head103', {}, 422, 'not-enabled');
  });
});
