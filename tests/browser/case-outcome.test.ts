import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { DESKTOP, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { textOf } from './support/wait-for';

const NARROW = { width: 360, height: 780 };
const WORDS = {
  'zh-CN': { rejected: '未批准', approved: '已批准', rejectedHere: '未批准于此', passed: '已经过' },
  en: { rejected: 'Rejected', approved: 'Approved', rejectedHere: 'Rejected here', passed: 'Passed' },
} as const;

/**
 * A hardship case the branch rejects: the applicant's case page and 我发起的 say 未批准 / Rejected
 * (never "✓ 已办结"), and the branch approval step is marked as the step that rejected it, in both
 * languages on a desktop and on a 360 px phone.
 */
describe('how a case ended, in the browser', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let rejected = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    const api = apiClient(server.url);
    const started = await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: samples.application({ patch: 'patch-2' }),
    });
    rejected = started.id;
    const visit = await api.taskAt('com1a', rejected, 'homeVisit');
    await api.call('com1a', 'POST', `/api/tasks/${visit}/complete`, {
      outcome: 'submit',
      data: samples.homeVisit(),
    });
    const approval = await api.taskAt('sec1', rejected, 'branchApproval');
    await api.call('sec1', 'POST', `/api/tasks/${approval}/complete`, {
      outcome: 'reject',
      comment: '家庭人均收入超过帮扶标准。',
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  const combos = (['zh-CN', 'en'] as const).flatMap((locale) =>
    (
      [
        ['desktop', DESKTOP],
        ['phone360', NARROW],
      ] as const
    ).map(([device, viewport]) => [locale, device, viewport] as const),
  );

  it.each(combos)(
    'given a rejected hardship case, when the applicant reads it in %s on %s, then it says rejected in 我发起的 and on the case page',
    async (locale, device, viewport) => {
      const words = WORDS[locale];
      const { context, page } = await newPerson(browser, viewport, locale);
      if (locale === 'en') await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
      await signIn(page, server.url, 'head103');

      await page.goto(`${server.url}/inbox/started`);
      const row = page.locator('.row', { has: page.getByText(rejected) });
      const badge = await textOf(row.locator('.flag'), words.rejected);
      expect(badge).toContain(words.rejected);
      expect(badge).not.toContain(locale === 'en' ? 'Completed' : '已办结');
      expect(await row.locator('.status-rejected').count()).toBe(1);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `outcome-started-${device}-${locale}`);

      await page.goto(`${server.url}/cases/${rejected}`);
      const header = await textOf(page.locator('.status-rejected').first(), words.rejected);
      expect(header).toContain(words.rejected);
      // the graph on a desktop (the step and the end reached are marked), the step list on a phone
      const marked = page.locator(
        device === 'desktop' ? '.case-graph .ff-node-task.is-rejected' : '.step-rejected',
      );
      const step = await textOf(marked, words.rejectedHere);
      expect(step).toContain(words.rejectedHere);
      expect(step).not.toContain(words.passed);
      expect(await marked.count()).toBe(1);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `outcome-case-${device}-${locale}`);
      await context.close();
    },
  );
});
