import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import {
  cspViolations,
  DESKTOP,
  launchBrowser,
  newPerson,
  PHONE,
  scrollsSideways,
  shot,
  signIn,
} from './support/browser';
import { isShown } from './support/wait-for';

type Locale = 'zh-CN' | 'en';

/** Words that must show on each screen in each language (and nothing may scroll sideways). */
const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    login: '登录',
    inbox: '待办',
    task: '入户走访核实',
    case: '办理记录',
    start: '发起申请',
    form: '帮扶对象类别',
    notifications: '通知',
    overdue: '已超期',
  },
  en: {
    login: 'Sign in',
    inbox: 'To do',
    task: 'Visit the family and verify',
    case: 'Timeline',
    start: 'Start a case',
    form: 'Category',
    notifications: 'Notifications',
    overdue: 'Overdue',
  },
};

/**
 * Every screen on a desktop and on a 390×844 phone, in Chinese and English: saved under
 * test-results/browser/ to be looked at, and checked for the language and for sideways scrolling.
 */
describe('every screen in both languages on desktop and phone', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let visitTask = '';
  let caseId = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    const api = apiClient(server.url);
    const first = await api.call<{ id: string }>('sec1', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: samples.application({ amountRequested: 5000 }),
    });
    caseId = first.id;
    await api.call('com1a', 'POST', `/api/tasks/${await api.taskAt('com1a', caseId, 'homeVisit')}/complete`, {
      outcome: 'submit',
      data: samples.homeVisit({ recommendedAmount: 5000 }),
    });
    const second = await api.call<{ id: string }>('sec1', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: samples.application({
        beneficiaryName: '李秀英',
        category: 'survivor',
        deceasedWorkerName: '李大庆',
      }),
    });
    visitTask = await api.taskAt('com1a', second.id, 'homeVisit');
    await api.call('sec1', 'POST', `/api/tasks/${visitTask}/urge`, { comment: '请尽快入户。' });
    // the first visit is long overdue (the server's clock cannot be moved, its stored due time can)
    await server.ctx.db
      .updateTable('tasks')
      .set({ due_at: new Date(Date.now() - 2 * 86_400_000) })
      .where('id', '=', visitTask)
      .execute();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  const combos = (['zh-CN', 'en'] as Locale[]).flatMap((locale) =>
    [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ].map(([device, viewport]) => [locale, device as string, viewport as typeof DESKTOP] as const),
  );

  async function person(locale: Locale, viewport: typeof DESKTOP): Promise<Page> {
    const { context, page } = await newPerson(browser, viewport, locale);
    if (locale === 'en') await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    return page;
  }

  async function check(page: Page, name: string, word: string, device: string, locale: Locale) {
    expect(await isShown(page.getByText(word).first()), `${name}: "${word}"`).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    expect(await scrollsSideways(page), `${name} scrolls sideways`).toBe(false);
    expect(await cspViolations(page), `${name} CSP violations`).toEqual([]);
    await shot(page, `${name}-${device}-${locale === 'en' ? 'en' : 'zh'}`);
  }

  it.each(combos)(
    'given %s on a %s, when each screen opens, then it speaks that language and fits',
    async (locale, device, viewport) => {
      const words = WORDS[locale];
      const member = await person(locale, viewport);
      await member.goto(`${server.url}/`);
      await check(member, 'login', words.login!, device, locale);
      await signIn(member, server.url, 'com1a');
      await member.locator('.row').first().waitFor();
      await check(member, 'inbox', words.inbox!, device, locale);
      expect(
        await isShown(member.locator('.row-overdue').getByText(words.overdue!)),
        'overdue in words',
      ).toBe(true);
      await member.goto(`${server.url}/tasks/${encodeURIComponent(visitTask)}`);
      await check(member, 'task', words.task!, device, locale);
      await shot(member, `task-${device}-${locale === 'en' ? 'en' : 'zh'}-screen`, false);
      await member.goto(`${server.url}/notifications`);
      await check(member, 'notifications', words.notifications!, device, locale);

      const secretary = await person(locale, viewport);
      await signIn(secretary, server.url, 'sec1');
      await secretary.goto(`${server.url}/cases/${caseId}`);
      await check(secretary, 'case', words.case!, device, locale);
      await secretary.goto(`${server.url}/start`);
      await check(secretary, 'start', words.start!, device, locale);
      await secretary.goto(`${server.url}/start/hardship-assistance`);
      await check(secretary, 'start-form', words.form!, device, locale);
    },
  );

  it('given an administrator, when he opens a case, then the audit hashes and the chain check show', async () => {
    const admin = await person('zh-CN', DESKTOP);
    await signIn(admin, server.url, 'admin');
    await admin.goto(`${server.url}/cases/${caseId}`);
    expect(await isShown(admin.getByText('审计链校验通过'))).toBe(true);
    expect(await admin.locator('.hash').count()).toBeGreaterThan(0);
    await shot(admin, 'case-admin-desktop-zh');
  });
});
