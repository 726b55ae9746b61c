import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { pdfText } from './support/pdf-text';
import { isShown, textOf } from './support/wait-for';

/** The narrowest phone the app is made for. */
const PHONE_360 = { width: 360, height: 740 };
const OPINION_A = '意见甲：情况属实，同意帮扶。';
const OPINION_B = '意见乙：同意，请经营组按5000元发放。';

/**
 * 爱心助困 as the approvers see it: the application and the home visit above each approval's form,
 * the branch secretary's and the district leader's opinions both kept under their own names, an
 * over-limit payment refused beside the button in Chinese, and the case printed to a PDF that
 * holds each step's record — in Chinese and English, at 1280 and 360 px.
 */
describe('the case on the task page, its record and its print', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let caseId = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    api = apiClient(server.url);
    caseId = await atBranchApproval();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  /** A case of 5000 yuan (above the branch limit) whose home visit is done. */
  async function atBranchApproval(): Promise<string> {
    const started = await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: samples.application({ amountRequested: 5000, patch: 'patch-2' }),
    });
    const visit = await api.taskAt('com1a', started.id, 'homeVisit');
    await api.call('com1a', 'POST', `/api/tasks/${visit}/complete`, {
      outcome: 'submit',
      data: samples.homeVisit({ recommendedAmount: 5000 }),
    });
    return started.id;
  }

  async function openTask(page: Page, user: string, stateId: string, id = caseId): Promise<void> {
    const taskId = await api.taskAt(user, id, stateId);
    await page.goto(`${server.url}/tasks/${taskId}`);
    await page.locator('.case-digest').waitFor();
  }

  it('given the branch secretary at 1280 px in Chinese, when she opens the approval, then the application and the home visit are above the form', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'sec1');
    await openTask(page, 'sec1', 'branchApproval');
    const digest = page.locator('.case-digest');
    expect(await textOf(digest, '王桂芳')).toContain('王桂芳');
    expect(await textOf(digest, '入户查看')).toContain('入户查看，情况属实。');
    expect(await digest.locator('.step-record').count()).toBe(2);
    expect(await digest.locator('details').getAttribute('open')).not.toBeNull();
    await shot(page, 'record-approval-desktop-zh');
    await page.locator('#root_opinion').fill(OPINION_A);
    await page.locator('#root_approvedAmount').fill('5000');
    await page.locator('#root_fundSource input').first().check();
    await page.locator('#root_followUpInterval input').first().check();
    await page.getByRole('button', { name: /同意帮扶/ }).click();
    await page.getByText('已提交：同意帮扶').waitFor();
  });

  it('given the district leader on a 360 px phone, when he opens his approval, then the case is folded to its key fields and his opinion box is empty', async () => {
    const { page } = await newPerson(browser, PHONE_360);
    await signIn(page, server.url, 'leader1');
    await openTask(page, 'leader1', 'leaderApproval');
    expect(await scrollsSideways(page)).toBe(false);
    const key = page.locator('.case-digest .digest-key');
    expect(await textOf(key, '王桂芳')).toContain('王桂芳');
    expect(await page.locator('.case-digest details').getAttribute('open')).toBeNull();
    expect(await page.locator('#root_opinion').inputValue()).toBe('');
    expect(await page.locator('#root_approvedAmount').inputValue()).toBe('5000');
    await shot(page, 'record-leader-phone-zh');
    await page.locator('.case-digest summary').click();
    expect(await textOf(page.locator('.case-digest'), OPINION_A)).toContain(OPINION_A);
    await shot(page, 'record-leader-phone-open-zh');
    await page.locator('#root_opinion').fill(OPINION_B);
    await page.getByRole('button', { name: /同意帮扶/ }).click();
    await page.getByText('已提交：同意帮扶').waitFor();
  });

  it('given the business group pays more than approved, when it presses 已发放, then the refusal is beside the button and the field, in Chinese, and nothing is left on the case', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'biz1');
    await openTask(page, 'biz1', 'payment');
    await page.locator('#root_paidOn').fill('2026-03-06');
    await page.locator('#root_amountPaid').fill('9000');
    await page.locator('#root_method input').nth(1).check();
    await page.locator('#root_voucherNo').fill('PZ-2026-031');
    await page.locator('#root_recipientName').fill('王桂芳');
    await page.getByRole('button', { name: /已发放/ }).click();
    const error = page.locator('.decision-bar #decision-error');
    expect(await textOf(error, '未满足条件')).toContain('未满足条件：发放金额不超过批准金额');
    // The field is focused once the refusal has rendered (an effect after the message shows).
    await page
      .waitForFunction(() => document.activeElement?.id === 'root_amountPaid', null, { timeout: 5000 })
      .catch(() => undefined);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('root_amountPaid');
    const field = page.locator('.ff-field-invalid', { has: page.locator('#root_amountPaid') });
    expect(await textOf(field, '未满足条件')).toContain('发放金额不超过批准金额');
    const bar = (await page.locator('.decision-bar').boundingBox())!;
    const said = (await error.boundingBox())!;
    expect(said.y).toBeGreaterThanOrEqual(bar.y - 1);
    await shot(page, 'record-payment-refused-desktop-zh', false);
    const view = await api.call<{ attachments: unknown[] }>('head103', 'GET', `/api/instances/${caseId}`);
    expect(view.attachments).toEqual([]);
    await page.locator('#root_amountPaid').fill('5000');
    await page.getByRole('button', { name: /已发放/ }).click();
    await page.getByText('已提交：已发放').waitFor();
  });

  it('given the case in English at 1280 px, when the applicant reads it, then each opinion stands under its own step and author', async () => {
    const { context, page } = await newPerson(browser, undefined, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, 'head103');
    await page.goto(`${server.url}/cases/${caseId}`);
    const records = page.locator('.step-records .step-record');
    await records.nth(4).waitFor();
    expect(await records.count()).toBe(5);
    const branch = (await records.nth(2).textContent()) ?? '';
    const leader = (await records.nth(3).textContent()) ?? '';
    expect(branch).toContain('Branch approves the assistance');
    expect(branch).toContain(OPINION_A);
    expect(branch).not.toContain(OPINION_B);
    expect(leader).toContain('District leader approves the assistance');
    expect(leader).toContain(OPINION_B);
    expect(leader).not.toContain(OPINION_A);
    const by = await page.locator('.step-record-by').allInnerTexts();
    expect(by[2]).not.toBe(by[3]);
    await shot(page, 'record-case-desktop-en');
  });

  it('given a second case in English on a 360 px phone, when the secretary opens its approval, then the key fields are in English above the form', async () => {
    const second = await atBranchApproval();
    const { context, page } = await newPerson(browser, PHONE_360, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, 'sec1');
    await openTask(page, 'sec1', 'branchApproval', second);
    expect(await textOf(page.locator('.case-digest .digest-key'), 'Beneficiary')).toContain('王桂芳');
    expect(await isShown(page.getByRole('heading', { name: 'The case' }))).toBe(true);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'record-approval-phone-en');
  });

  it('given the paid case, when printed to PDF through Chromium, then the A4 pages hold the header, each step’s record, the signatures and the audit hash', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'head103');
    await page.goto(`${server.url}/cases/${caseId}/print`);
    await page.locator('.print-sheet .step-record').nth(4).waitFor();
    await shot(page, 'record-print-desktop-zh');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    const text = pdfText(pdf).join('\n').replace(/\s+/g, '');
    const history = await api.call<{ entries: { hash: string }[] }>(
      'head103',
      'GET',
      `/api/instances/${caseId}/history`,
    );
    for (const expected of [
      '爱心助困审批单',
      '王桂芳',
      '入户查看，情况属实。',
      '支部审批帮扶',
      OPINION_A,
      '区领导审批帮扶',
      OPINION_B,
      '登记帮扶发放',
      'PZ-2026-031',
      '签名',
      history.entries.at(-1)!.hash,
    ])
      expect(text).toContain(expected.replace(/\s+/g, ''));
  });
});
