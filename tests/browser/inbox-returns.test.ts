import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { DESKTOP, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { countOf, textOf } from './support/wait-for';

const NARROW = { width: 360, height: 780 };
const EVALUATION = 'quarterly-cadre-evaluation';
const QUARTER = {
  year: 2026,
  quarter: 1,
  // Ahead of the real clock: the server's timers would hand overdue sheets to the organisation group.
  scoringDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
  leaderWeight: 40,
  cadreWeight: 30,
  repWeight: 30,
  cadres: ['head101', 'head102', 'head105', 'sec3'],
};
type Subject = { name: Record<'zh-CN' | 'en', string>; unit: { name: Record<'zh-CN' | 'en', string> } };
const REASON = '请补充低保证明和近三个月收入情况。';
const WORDS = {
  'zh-CN': {
    title: '王桂芳 · 第一党支部 · 申请 2000 元',
    returned: '被退回',
    note: `肖志刚 退回：${REASON}`,
    initiator: '崔凤英 发起',
  },
  en: {
    title: '王桂芳 · First Party Branch · CNY 2000 requested',
    returned: 'Returned',
    note: `Returned by Xiao Zhigang: ${REASON}`,
    initiator: 'Started by Cui Fengying',
  },
} as const;
const CANCEL = {
  'zh-CN': { open: '撤销申请', confirm: '确认撤销', missing: '请填写撤销原因。', cancelled: '已取消' },
  en: {
    open: 'Cancel my application',
    confirm: 'Cancel the case',
    missing: 'Please give a reason for cancelling.',
    cancelled: 'Cancelled',
  },
} as const;

/**
 * The branch secretary returns a hardship home visit with a reason: the committee member who did
 * the visit finds it back in their own inbox (not the pool), its row naming the applicant, branch
 * and amount, who started it and who returned it and why; the task page says the same. In both
 * languages on a desktop and on a 360 px phone; the search finds it by applicant and keeps the
 * filter in the address. A leader's quarterly scoring sheets each name the cadre they score.
 */
describe('an inbox you can work from, in the browser', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let instanceId = '';
  /** One application per language and screen for the applicant to cancel. */
  const toCancel = new Map<string, string>();
  /** leader1's quarterly scoring sheets: what each one's subject line reads, per language. */
  let sheets: Record<'zh-CN' | 'en', string[]> = { 'zh-CN': [], en: [] };

  const combos = (['zh-CN', 'en'] as const).flatMap((locale) =>
    (
      [
        ['desktop', DESKTOP],
        ['phone360', NARROW],
      ] as const
    ).map(([device, viewport]) => [locale, device, viewport] as const),
  );

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    const api = apiClient(server.url);
    const started = await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: samples.application({ patch: 'patch-2' }),
    });
    instanceId = started.id;
    const visit = await api.taskAt('com1a', instanceId, 'homeVisit');
    await api.call('com1a', 'POST', `/api/tasks/${visit}/complete`, {
      outcome: 'submit',
      data: samples.homeVisit(),
    });
    const approval = await api.taskAt('sec1', instanceId, 'branchApproval');
    await api.call('sec1', 'POST', `/api/tasks/${approval}/return`, { target: 'homeVisit', comment: REASON });
    for (const [locale, device] of combos) {
      const extra = await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
        definitionKey: 'hardship-assistance',
        data: samples.application({ patch: 'patch-2', beneficiaryName: `李${device}${locale}` }),
      });
      toCancel.set(`${locale}-${device}`, extra.id);
    }
    await api.call('org1', 'POST', '/api/instances', { definitionKey: EVALUATION, data: QUARTER });
    const mine = await api.call<{ items: { subject: Subject }[] }>(
      'leader1',
      'GET',
      `/api/tasks?definitionKey=${EVALUATION}`,
    );
    const line = (x: Subject, l: 'zh-CN' | 'en') =>
      `${l === 'en' ? 'For: ' : '对象：'}${x.name[l]} · ${x.unit.name[l]}`;
    sheets = {
      'zh-CN': mine.items.map((r) => line(r.subject, 'zh-CN')).sort(),
      en: mine.items.map((r) => line(r.subject, 'en')).sort(),
    };
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it.each(combos)(
    'given a returned home visit, when the member who did it opens the inbox in %s on %s, then the row names the applicant and amount and the task shows the return reason',
    async (locale, device, viewport) => {
      const words = WORDS[locale];
      const { context, page } = await newPerson(browser, viewport, locale);
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
      await signIn(page, server.url, 'com1a');

      await page.goto(`${server.url}/inbox?q=${encodeURIComponent('王桂芳')}`);
      const row = page.locator('.row', { has: page.locator('.row-title', { hasText: words.title }) }).first();
      expect(await textOf(row.locator('.row-title'), words.title)).toBe(words.title);
      expect(await textOf(row.locator('.flag-returned'), words.returned)).toContain(words.returned);
      expect(await textOf(row.locator('.row-origin'), REASON)).toBe(words.note);
      expect(await textOf(row.locator('.row-initiator'), words.initiator)).toContain(words.initiator);
      expect(await page.locator('#inbox-search').inputValue()).toBe('王桂芳');
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `inbox-returned-row-${device}-${locale}`);

      await row.locator('a').click();
      const banner = page.locator('.origin-banner');
      expect(await textOf(banner, REASON)).toContain(words.note);
      expect(await textOf(page.locator('.summary-case-title'), words.title)).toBe(words.title);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `inbox-returned-task-${device}-${locale}`);
      await context.close();
    },
  );

  it.each(combos)(
    'given a district leader with one quarterly scoring sheet per cadre, when he opens the inbox in %s on %s, then each row and the sheet it opens name the cadre and unit',
    async (locale, device, viewport) => {
      const expected = sheets[locale];
      expect(expected).toHaveLength(QUARTER.cadres.length);
      expect(new Set(expected).size).toBe(expected.length);
      const { context, page } = await newPerson(browser, viewport, locale);
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
      await signIn(page, server.url, 'leader1');
      await page.goto(`${server.url}/inbox?process=${EVALUATION}`);
      const subjects = page.locator('.row .row-subject');
      expect(await countOf(subjects, expected.length)).toBe(expected.length);
      expect((await subjects.allInnerTexts()).sort()).toEqual(expected);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `inbox-scoring-subjects-${device}-${locale}`);

      const first = (await subjects.first().textContent()) ?? '';
      await page
        .locator('.row', { has: page.locator('.row-subject', { hasText: first }) })
        .locator('a')
        .click();
      expect(await textOf(page.locator('.summary-subject'), first)).toBe(first);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `task-scoring-subject-${device}-${locale}`);
      await context.close();
    },
  );

  it.each(combos)(
    'given an application still before approval, when the applicant cancels it with a reason in %s on %s, then it ends as cancelled and the reason is asked for first',
    async (locale, device, viewport) => {
      const words = CANCEL[locale];
      const id = toCancel.get(`${locale}-${device}`)!;
      const { context, page } = await newPerson(browser, viewport, locale);
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
      await signIn(page, server.url, 'head103');
      await page.goto(`${server.url}/cases/${id}`);
      await page.getByRole('button', { name: words.open }).click();
      await page.getByRole('button', { name: words.confirm }).click();
      expect(await textOf(page.locator('.cancel-case .field-error'), words.missing)).toBe(words.missing);
      await shot(page, `initiator-cancel-reason-${device}-${locale}`);
      await page.locator('.cancel-case textarea').fill('家庭情况已好转，不再需要帮扶。');
      await page.getByRole('button', { name: words.confirm }).click();
      expect(await textOf(page.locator('.status-cancelled').first(), words.cancelled)).toContain(
        words.cancelled,
      );
      expect(await page.getByRole('button', { name: words.open }).count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `initiator-cancel-done-${device}-${locale}`);
      await context.close();
    },
  );
});
