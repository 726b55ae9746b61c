import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import {
  cspViolations,
  DESKTOP,
  launchBrowser,
  newPerson,
  scrollsSideways,
  shot,
  signIn,
} from './support/browser';
import { isShown } from './support/wait-for';

type Locale = 'zh-CN' | 'en';
const NARROW = { width: 360, height: 780 };

const WORDS = {
  'zh-CN': {
    nav: '报表',
    title: '流程报表',
    flow: '每周发起与办结',
    outcomes: '办理结果（按流程）',
    rejected: '未通过',
  },
  en: {
    nav: 'Reports',
    title: 'Process reports',
    flow: 'Cases started and ended per week',
    outcomes: 'Outcomes by process',
    rejected: 'Rejected',
  },
};

/**
 * The dashboards of a district leader at 1280 and 360 px in both languages (screenshots under
 * test-results/browser/reports-*), an export downloaded and read, and a cadre kept out.
 */
describe('report dashboards in the browser', { timeout: 180_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let secret = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    const api = apiClient(server.url);
    for (let i = 0; i < 6; i++) {
      const started = await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
        definitionKey: 'hardship-assistance',
        data: samples.application({ patch: 'patch-2' }),
      });
      const visitor = 'com1a';
      await api.call(
        visitor,
        'POST',
        `/api/tasks/${await api.taskAt(visitor, started.id, 'homeVisit')}/complete`,
        {
          outcome: 'submit',
          data: samples.homeVisit({ visitors: [visitor] }),
        },
      );
      if (i < 4) {
        const secretary = 'sec1';
        await api.call(
          secretary,
          'POST',
          `/api/tasks/${await api.taskAt(secretary, started.id, 'branchApproval')}/complete`,
          {
            outcome: 'reject',
            comment: '经核实不符合帮扶条件。',
          },
        );
      }
    }
    const report = await api.call<{ id: string }>('insp1', 'POST', '/api/instances', {
      definitionKey: 'accountability-investigation',
      data: samples.accountabilityReport(),
    });
    secret = report.id;
    await api.call(
      'insp1',
      'POST',
      `/api/tasks/${await api.taskAt('insp1', secret, 'investigate')}/complete`,
      {
        outcome: 'dismiss',
        comment: '查无实据。',
      },
    );
    // The server's clock cannot be moved; the stored times can, before the summaries first read them.
    await sql`update tasks set created_at = created_at - ((abs(hashtext(id)) % 96 + 2) || ' hours')::interval,
      due_at = due_at - interval '8 days'`.execute(server.ctx.db);
    await sql`update instances set started_at = started_at - ((abs(hashtext(id)) % 20 + 5) || ' days')::interval`.execute(
      server.ctx.db,
    );
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  async function person(username: string, locale: Locale, viewport: typeof DESKTOP): Promise<Page> {
    const { context, page } = await newPerson(browser, viewport, locale);
    if (locale === 'en') await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, username);
    return page;
  }

  const combos = (['zh-CN', 'en'] as Locale[]).flatMap((locale) =>
    [
      ['1280', DESKTOP],
      ['360', NARROW],
    ].map(([width, viewport]) => [locale, width as string, viewport as typeof DESKTOP] as const),
  );

  it.each(combos)(
    'given a district leader in %s at %s px, when they open the reports, then the charts and tables show the cases and fit',
    async (locale, width, viewport) => {
      const words = WORDS[locale];
      const page = await person('leader1', locale, viewport);
      if (viewport.width < 500) await page.goto(`${server.url}/reports`);
      else await page.getByRole('link', { name: words.nav }).click();
      expect(await isShown(page.getByRole('heading', { name: words.title }))).toBe(true);
      await page.locator('.report-chart canvas').first().waitFor();
      expect(await page.locator('.report-chart canvas').count()).toBe(6);
      expect(await isShown(page.getByRole('heading', { name: words.flow }))).toBe(true);
      const outcomes = page.locator('section', { has: page.getByRole('heading', { name: words.outcomes }) });
      expect(await outcomes.locator('tbody tr').count()).toBe(2); // hardship rejected ×4, the dismissed report
      expect(await outcomes.locator('tbody').textContent()).toContain(words.rejected);
      await page.evaluate(() => document.fonts.ready);
      expect(await scrollsSideways(page)).toBe(false);
      expect(await cspViolations(page)).toEqual([]);
      await shot(page, `reports-${width}-${locale === 'en' ? 'en' : 'zh'}`);
      await shot(page, `reports-${width}-${locale === 'en' ? 'en' : 'zh'}-top`, false);
    },
  );

  it('given the outcomes table, when a leader exports it as CSV in English, then the file holds its rows', async () => {
    const page = await person('leader1', 'en', DESKTOP);
    await page.goto(`${server.url}/reports`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export=outcomes-csv]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('outcomes.csv');
    const lines = (await readFile((await download.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Process,Final state,Verdict,Count');
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',').slice(-2).join(','))
        .sort(),
    ).toEqual(['Rejected,1', 'Rejected,4']);
  });

  it('given an administrator on a phone, when they export the case list as Excel, then the confidential case and form fields are not in it', async () => {
    const page = await person('admin', 'zh-CN', NARROW);
    await page.goto(`${server.url}/reports`);
    await page.locator('.report-chart canvas').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false); // five links in the header: they wrap
    await shot(page, 'reports-360-zh-admin', false);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export=cases-xlsx]').click(),
    ]);
    const book = new ExcelJS.Workbook();
    const bytes = await readFile((await download.path())!);
    await book.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    const rows: unknown[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual(['案件编号', '流程', '版本', '状态', '发起人', '发起时间', '结束时间']);
    expect(rows.length - 1).toBe(6); // the hardship cases; not the confidential report
    const text = JSON.stringify(rows);
    expect(text).not.toContain(secret);
    for (const field of ['王桂芳', '0546-8761234', '夜班巡井']) expect(text).not.toContain(field);
  });

  it('given a branch secretary, when they look for the reports, then there is no link and the page refuses', async () => {
    const page = await person('sec1', 'zh-CN', NARROW);
    expect(await page.getByRole('link', { name: '报表' }).count()).toBe(0);
    await page.goto(`${server.url}/reports`);
    expect(await isShown(page.getByText('报表仅供管理员和区领导查看。'))).toBe(true);
    await shot(page, 'reports-360-zh-cadre');
  });
});
