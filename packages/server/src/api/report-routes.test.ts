import { createScratchDatabase, testBackends } from '@flowform/runtime/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshReports } from '../services/reports/report-freshness';
import {
  caseFlow,
  cycleTimes,
  openByPerson,
  openByUnit,
  outcomeCounts,
} from '../services/reports/report-figures';
import { reportViewer } from '../services/reports/report-viewer';
import { complete, start } from '../testing/case-helpers';
import { body, openTestServer } from '../testing/test-server';

const HOUR = 3600_000;

const hardship = {
  category: 'hardshipFamily',
  beneficiaryName: '王桂芳',
  relatedWorker: 'w003',
  branch: 'branch-1',
  patch: 'patch-2',
  address: '油建小区3栋2单元101',
  phone: '0546-8761234',
  householdSize: 4,
  monthlyIncomePerCapita: 560,
  causes: ['seriousIllness'],
  situation: '丈夫重病住院，两个孩子上学，家庭收入骤减。',
  helpWanted: ['cash', 'medical'],
  amountRequested: 2000,
};

const visit = {
  visitedOn: '2026-03-03',
  visitors: ['com1a', 'head103'],
  findings: '入户查看，情况属实。',
  situationConfirmed: 'confirmed',
  recommendedAmount: 1500,
  recommendation: '建议给予慰问金帮扶。',
};

const report = {
  source: 'errorBoard',
  unit: 'station-101',
  personConcerned: 'head101',
  occurredOn: '2026-02-26',
  discoveredOn: '2026-02-27',
  summary: '夜班巡井记录漏填三次',
  details: '2月下旬101计量站夜班巡井记录连续三次漏填。',
};

describe.each(testBackends())('reports on %s', (backend) => {
  let ms = Date.parse('2026-03-02T08:00:00.000Z');
  const advance = (hours: number) => {
    ms += hours * HOUR;
  };
  let s: Awaited<ReturnType<typeof openTestServer>>;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;
  const ids: Record<string, string> = {};
  let early: { status: number; json: { caseFlow: unknown[]; cycleTimes: { stateId: string | null }[] } };

  /** Two hardship applications rejected by the branch (visit 2 h then 3 h; 1 h then 7 h), one
   * left open at its home visit, a confidential accountability report dismissed after 1 h, and a
   * week later another one left open. */
  beforeAll(async () => {
    if (backend === 'postgres') scratch = await createScratchDatabase();
    s = await openTestServer({
      clock: () => new Date(ms).toISOString(),
      ...(scratch ? { target: { url: scratch.url, poolSize: 4 } } : {}),
    });
    const ok = async (res: Promise<Response>) => {
      const r = await res;
      if (r.status !== 200) throw new Error(`${r.status} ${await r.text()}`);
    };
    ids.a = await start(s, 'head103', 'hardship-assistance', hardship);
    advance(2);
    await ok(complete(s, ids.a, 'com1a', 'submit', visit));
    advance(3);
    await ok(complete(s, ids.a, 'sec1', 'reject', undefined, { comment: '不符合条件' }));
    const res = await s.call('GET', '/api/reports/dashboard', { as: 'admin' });
    early = { status: res.status, json: await body(res) };
    ids.d = await start(s, 'head103', 'hardship-assistance', { ...hardship, beneficiaryName: '李建华' });
    advance(1);
    await ok(complete(s, ids.d, 'com1a', 'submit', visit));
    advance(7);
    await ok(complete(s, ids.d, 'sec1', 'reject', undefined, { comment: '不符合条件' }));
    ids.b = await start(s, 'head103', 'hardship-assistance', { ...hardship, beneficiaryName: '赵秀兰' });
    ids.c = await start(s, 'insp1', 'accountability-investigation', report);
    advance(1);
    await ok(complete(s, ids.c, 'insp1', 'dismiss', undefined, { comment: '查无实据' }));
    advance(7 * 24); // the open home visit (5 days) is now overdue, in the next week
    ids.e = await start(s, 'insp1', 'accountability-investigation', { ...report, summary: '另一份报告' });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await scratch?.drop();
  });

  const dashboard = async (as: string) => {
    const res = await s.call('GET', '/api/reports/dashboard', { as });
    expect(res.status).toBe(200);
    return body(res);
  };

  it('given one rejected case, when an administrator reads the dashboard, then it counts that case alone', () => {
    expect(early.status).toBe(200);
    expect(early.json.caseFlow).toEqual([
      { definitionKey: 'hardship-assistance', unit: 'branch-1', week: '2026-03-02', started: 1, ended: 1 },
    ]);
    expect(early.json.cycleTimes.find((c: { stateId: string | null }) => c.stateId === null)).toEqual({
      definitionKey: 'hardship-assistance',
      stateId: null,
      count: 1,
      p50Minutes: 300,
      p90Minutes: 300,
    });
  });

  it('given the cases, when an administrator reads the dashboard, then the figures are exact and the confidential case is left out', async () => {
    const d = await dashboard('admin');
    expect(d.weeks).toHaveLength(12);
    expect(d.weeks.at(-1)).toBe('2026-03-09');
    expect(d.caseFlow).toEqual([
      { definitionKey: 'hardship-assistance', unit: 'branch-1', week: '2026-03-02', started: 3, ended: 2 },
    ]);
    expect(d.cycleTimes).toEqual([
      { definitionKey: 'hardship-assistance', stateId: null, count: 2, p50Minutes: 300, p90Minutes: 480 },
      {
        definitionKey: 'hardship-assistance',
        stateId: 'branchApproval',
        count: 2,
        p50Minutes: 180,
        p90Minutes: 420,
      },
      {
        definitionKey: 'hardship-assistance',
        stateId: 'homeVisit',
        count: 2,
        p50Minutes: 60,
        p90Minutes: 120,
      },
    ]);
    expect(d.slowestSteps.map((r: { stateId: string }) => r.stateId)).toEqual([
      'branchApproval',
      'homeVisit',
    ]);
    expect(d.openByUnit).toEqual([{ unit: 'branch-1', open: 1, overdue: 1 }]);
    expect(d.openByPerson).toEqual([{ assignee: null, open: 1, overdue: 1 }]);
    expect(d.outcomes).toEqual([
      {
        definitionKey: 'hardship-assistance',
        finalState: 'rejected',
        status: 'completed',
        verdict: 'rejected',
        count: 2,
      },
    ]);
    expect(d.labels.units['branch-1']).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
    expect(JSON.stringify(d)).not.toContain('accountability');
  });

  it('given the confidential case names district leaders, when one reads the dashboard, then it counts there too', async () => {
    const d = await dashboard('leader1');
    expect(d.caseFlow).toEqual([
      {
        definitionKey: 'accountability-investigation',
        unit: 'station-101',
        week: '2026-03-02',
        started: 1,
        ended: 1,
      },
      { definitionKey: 'hardship-assistance', unit: 'branch-1', week: '2026-03-02', started: 3, ended: 2 },
      {
        definitionKey: 'accountability-investigation',
        unit: 'station-101',
        week: '2026-03-09',
        started: 1,
        ended: 0,
      },
    ]);
    expect(d.openByUnit).toEqual([
      { unit: 'branch-1', open: 1, overdue: 1 },
      { unit: 'station-101', open: 1, overdue: 0 },
    ]);
    expect(d.openByPerson).toEqual([{ assignee: null, open: 2, overdue: 1 }]);
    expect(
      d.cycleTimes.filter(
        (c: { definitionKey: string }) => c.definitionKey === 'accountability-investigation',
      ),
    ).toEqual([
      {
        definitionKey: 'accountability-investigation',
        stateId: null,
        count: 1,
        p50Minutes: 60,
        p90Minutes: 60,
      },
      {
        definitionKey: 'accountability-investigation',
        stateId: 'investigate',
        count: 1,
        p50Minutes: 60,
        p90Minutes: 60,
      },
    ]);
    expect(d.outcomes).toContainEqual({
      definitionKey: 'accountability-investigation',
      finalState: 'dismissed',
      status: 'completed',
      verdict: 'rejected',
      count: 1,
    });
  });

  it('given who may see which confidential case, when the viewers are worked out, then a leader sees the process whole and an administrator none of it', async () => {
    const directory = await s.ctx.runtime.directoryAt();
    const as = (username: string) =>
      ({ username, directory }) as unknown as Parameters<typeof reportViewer>[1];
    expect(await reportViewer(s.ctx, as('leader1'))).toEqual({
      username: 'leader1',
      wholeProcesses: ['accountability-investigation'],
      confidentialIds: [],
    });
    expect(await reportViewer(s.ctx, as('admin'))).toEqual({
      username: 'admin',
      wholeProcesses: [],
      confidentialIds: [],
    });
  });

  it('given a viewer who may see one of two confidential reports (the open one), when the figures are read, then only that one counts', async () => {
    const viewer = { username: 'someone', wholeProcesses: [], confidentialIds: [ids.e!] };
    const asOf = await freshReports(s.ctx.db, new Date(ms).toISOString());
    const flow = await caseFlow(s.ctx.db, viewer, '2026-03-02');
    expect(flow.filter((r) => r.definitionKey === 'accountability-investigation')).toEqual([
      {
        definitionKey: 'accountability-investigation',
        unit: 'station-101',
        week: '2026-03-09',
        started: 1,
        ended: 0,
      },
    ]);
    expect(await openByUnit(s.ctx.db, viewer, asOf)).toEqual([
      { unit: 'branch-1', open: 1, overdue: 1 },
      { unit: 'station-101', open: 1, overdue: 0 },
    ]);
    expect(await openByPerson(s.ctx.db, viewer, asOf)).toEqual([{ assignee: null, open: 2, overdue: 1 }]);
    const outcomes = await outcomeCounts(s.ctx.db, viewer);
    expect(outcomes.map((r) => r.definition_key)).toEqual(['hardship-assistance']);
  });

  it('given a viewer who may see the dismissed confidential report one by one, when the cycle times are read, then its hour counts from its own rows', async () => {
    const viewer = { username: 'someone', wholeProcesses: [], confidentialIds: [ids.c!] };
    await freshReports(s.ctx.db, new Date(ms).toISOString());
    const hour = { count: 1, p50Minutes: 60, p90Minutes: 60 };
    expect(
      (await cycleTimes(s.ctx.db, viewer)).filter((c) => c.definitionKey === 'accountability-investigation'),
    ).toEqual([
      { definitionKey: 'accountability-investigation', stateId: null, ...hour },
      { definitionKey: 'accountability-investigation', stateId: 'investigate', ...hour },
    ]);
    expect(await outcomeCounts(s.ctx.db, viewer)).toContainEqual({
      definition_key: 'accountability-investigation',
      status: 'completed',
      final_state: 'dismissed',
      count: 1,
    });
  });

  it('given a branch secretary (a cadre), when they ask for the dashboard or a dashboard table, then 403', async () => {
    const res = await s.call('GET', '/api/reports/dashboard', { as: 'sec1' });
    expect(res.status).toBe(403);
    expect((await body(res)).code).toBe('forbidden');
    const file = await s.call('GET', '/api/reports/export?table=outcomes&format=csv', { as: 'sec1' });
    expect(file.status).toBe(403);
  });

  it('given the outcomes table, when exported as CSV in English, then it has the header and the rows', async () => {
    const res = await s.call('GET', '/api/reports/export?table=outcomes&format=csv&lang=en', { as: 'admin' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="outcomes.csv"');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual(['Process,Final state,Verdict,Count', expect.stringMatching(/,Rejected,2$/)]);
  });

  it('given an administrator exports the case list as XLSX, then it holds the visible cases and no form field', async () => {
    const res = await s.call('GET', '/api/reports/export?table=cases&format=xlsx&scope=all', { as: 'admin' });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['案件编号', '流程', '版本', '状态', '发起人', '发起时间', '结束时间']);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([ids.a, ids.b, ids.d].sort());
    const text = JSON.stringify(rows);
    for (const hidden of ['王桂芳', '0546-8761234', '夜班巡井', ids.c!]) expect(text).not.toContain(hidden);
  });

  it('given the confidential reporter exports their started cases as CSV, then their case is there', async () => {
    const res = await s.call('GET', '/api/reports/export?table=cases&format=csv&scope=started&lang=en', {
      as: 'insp1',
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(ids.c);
    expect(text).toContain(',Completed,');
    expect(text).not.toContain('夜班巡井');
  });
});
