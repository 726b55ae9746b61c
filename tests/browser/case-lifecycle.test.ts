import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { DESKTOP, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { isShown, textOf } from './support/wait-for';

const NARROW = { width: 360, height: 780 };
const REPORTER = '岳明举报人';
const CONTACT = '13907771234';

/**
 * An administrator's 所有案件: filter, 挂起 a hardship case with a reason (the secretary's 同意帮扶
 * is refused beside the button), 恢复 it (the approval goes through); and break-glass on a
 * confidential accountability case: suspended from its row, nothing of its content shown.
 */
describe('case lifecycle for administrators, in the browser', { timeout: 180_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let hardship = '';
  let secret = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    api = apiClient(server.url);
    hardship = (
      await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
        definitionKey: 'hardship-assistance',
        data: samples.application({ patch: 'patch-2' }),
      })
    ).id;
    const visit = await api.taskAt('com1a', hardship, 'homeVisit');
    await api.call('com1a', 'POST', `/api/tasks/${visit}/complete`, {
      outcome: 'submit',
      data: samples.homeVisit(),
    });
    secret = (
      await api.call<{ id: string }>('insp1', 'POST', '/api/instances', {
        definitionKey: 'accountability-investigation',
        data: samples.accountabilityReport({
          source: 'publicReport',
          reporterName: REPORTER,
          reporterContact: CONTACT,
        }),
      })
    ).id;
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  /** Opens the row's confirmation for `action`, types the reason and confirms. */
  async function act(page: Page, row: ReturnType<Page['locator']>, action: string, reason: string) {
    if ((await row.locator('.lifecycle-confirm').count()) === 0)
      await row.getByRole('button', { name: action, exact: true }).click();
    await row.locator('.lifecycle-confirm textarea').fill(reason);
    await row
      .locator('.lifecycle-confirm')
      .getByRole('button', { name: /确认|Confirm/ })
      .click();
    await page.locator('.banner-success').waitFor();
  }

  async function approve(page: Page): Promise<void> {
    await page.locator('#root_opinion').fill('情况属实，同意帮扶。');
    await page.locator('#root_approvedAmount').fill('2000');
    await page.locator('#root_fundSource input').first().check();
    await page.locator('#root_followUpInterval input').first().check();
    await page.getByRole('button', { name: /同意帮扶/ }).click();
  }

  it('given the administrator at 1280 px, when he filters all cases and suspends the hardship case with a reason, then the row says 已挂起 with the reason and the filters are in the address', async () => {
    const { page } = await newPerson(browser, DESKTOP);
    await signIn(page, server.url, 'admin');
    await page.getByRole('link', { name: '所有案件' }).click();
    await page.locator('.page-all-cases h1').waitFor();
    await page.getByLabel('流程').selectOption('hardship-assistance');
    await page.getByLabel('状态').selectOption('running');
    expect(new URL(page.url()).search).toBe('?process=hardship-assistance&status=running');
    const row = page.locator(`.case-row[data-case="${hardship}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: '挂起', exact: true }).click();
    await row.locator('.lifecycle-confirm').getByRole('button', { name: '确认' }).click();
    expect(await textOf(row.locator('.inline-error'), '请填写原因')).toContain('请填写原因');
    await act(page, row, '挂起', '核查家庭收入材料');
    // Still filtered to running: the suspended case leaves this list; the suspended filter finds it.
    await page.getByLabel('状态').selectOption('suspended');
    expect(new URL(page.url()).search).toBe('?process=hardship-assistance&status=suspended');
    const held = page.locator(`.case-row[data-case="${hardship}"]`);
    expect(await textOf(held.locator('.flag-suspended'), '已挂起')).toContain('已挂起');
    expect(await textOf(held.locator('.suspension-note'), '核查家庭收入材料')).toContain('核查家庭收入材料');
    await page.reload();
    expect(await isShown(page.locator(`.case-row[data-case="${hardship}"] .flag-suspended`))).toBe(true);
    await shot(page, 'lifecycle-all-cases-suspended-desktop-zh');
  });

  it('given the suspended case, when the branch secretary presses 同意帮扶, then the refusal is beside the button in Chinese; the inbox marks the task', async () => {
    const { page } = await newPerson(browser, DESKTOP);
    await signIn(page, server.url, 'sec1');
    const row = page.locator('.row', { has: page.getByText('已挂起') });
    expect(await isShown(row)).toBe(true);
    const taskId = await api.taskAt('sec1', hardship, 'branchApproval');
    await page.goto(`${server.url}/tasks/${taskId}`);
    await page.locator('.case-digest').waitFor();
    expect(await textOf(page.locator('.banner .suspension-note'), '核查家庭收入材料')).toContain(
      '核查家庭收入材料',
    );
    await approve(page);
    const error = page.locator('.decision-bar #decision-error');
    expect(await textOf(error, '挂起')).toContain('案件已被管理员挂起（原因：核查家庭收入材料）');
    const bar = (await page.locator('.decision-bar').boundingBox())!;
    const said = (await error.boundingBox())!;
    expect(said.y).toBeGreaterThanOrEqual(bar.y - 1);
    await shot(page, 'lifecycle-task-refused-desktop-zh', false);
  });

  it('given the case page at 360 px, when the administrator resumes it with a reason, then the badge goes and the secretary approves', async () => {
    const { page } = await newPerson(browser, NARROW);
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/cases/${hardship}`);
    expect(await textOf(page.locator('.summary .flag-suspended'), '已挂起')).toContain('已挂起');
    expect(await textOf(page.locator('.summary .suspension-note'), '核查家庭收入材料')).toContain('核查');
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'lifecycle-case-suspended-phone360-zh');
    const summary = page.locator('.summary');
    await act(page, summary, '恢复', '材料已核实');
    await page.locator('.summary .flag-suspended').waitFor({ state: 'detached' });
    await shot(page, 'lifecycle-case-resumed-phone360-zh');

    const sec = await newPerson(browser, DESKTOP);
    await signIn(sec.page, server.url, 'sec1');
    await sec.page.goto(`${server.url}/tasks/${await api.taskAt('sec1', hardship, 'branchApproval')}`);
    await sec.page.locator('.case-digest').waitFor();
    await approve(sec.page);
    await sec.page.getByText('已提交：同意帮扶').waitFor();
  });

  it('given a confidential case, when the administrator suspends it from its row at 360 px in English, then it is held and nothing of its content shows', async () => {
    const { context, page } = await newPerson(browser, NARROW, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/admin/cases?process=accountability-investigation`);
    const row = page.locator(`.case-row[data-case="${secret}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-access')).toBe('break-glass');
    expect(await textOf(row, 'Confidential')).toContain('Confidential: lifecycle only');
    expect(await row.locator('a').count()).toBe(0);
    await act(page, row, 'Suspend', 'Discipline group asked to pause');
    const held = page.locator(`.case-row[data-case="${secret}"]`);
    expect(await textOf(held.locator('.flag-suspended'), 'Suspended')).toContain('Suspended');
    expect(await textOf(held, 'Discipline group')).toContain('Discipline group asked to pause');
    const html = await page.content();
    for (const hidden of [REPORTER, CONTACT, '夜班巡井记录漏填三次', 'head101'])
      expect(html).not.toContain(hidden);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'lifecycle-confidential-suspended-phone360-en');
  });
});
