import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, PHONE, scrollsSideways, shot, signIn } from './support/browser';
import { pickSuggestion } from './support/pickers';
import { countOf, isShown, textOf } from './support/wait-for';

/**
 * 爱心助困 end to end in Chromium against the real server: a branch secretary applies, the branch
 * committee member sees the home visit arrive live and submits it, the branch approval goes to the
 * other committee member (the applicant may not approve her own case, nor the visitor what she
 * verified), and the contracting district leader approves on a phone with a comment. The case view then shows the whole trail.
 */
describe('hardship assistance in the browser', { timeout: 90_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let secretary: Page;
  let member: Page;
  let caseUrl = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given the secretary fills the application with a bad phone number, when she leaves the field, then the error is in Chinese; fixed, the case starts', async () => {
    member = (await newPerson(browser)).page;
    await signIn(member, server.url, 'com1a');
    await member.getByText('没有待办事项。').waitFor();

    secretary = (await newPerson(browser)).page;
    await signIn(secretary, server.url, 'sec1');
    await secretary.getByRole('link', { name: '发起', exact: true }).click();
    await secretary.getByRole('link', { name: /爱心助困/ }).click();
    await secretary.getByLabel('困难家庭').check();
    await secretary.locator('#root_beneficiaryName').fill('<img src=x onerror="window.__xss=1">王桂芳');
    await pickSuggestion(secretary, secretary.locator('#root_branch'), '第一', /第一党支部/);
    await pickSuggestion(secretary, secretary.locator('#root_patch'), 'dy', /第一帮扶片区/);
    await secretary.locator('#root_address').fill('东区家属院5栋1单元302');
    await secretary.locator('#root_phone').fill('电话号码');
    await secretary.locator('#root_householdSize').click();
    expect(await isShown(secretary.getByText('「联系电话」的格式不正确'))).toBe(true);
    await shot(secretary, 'start-invalid-desktop-zh');

    await secretary.locator('#root_phone').fill('0546-8761234');
    await secretary.locator('#root_householdSize').fill('4');
    await secretary.locator('#root_monthlyIncomePerCapita').fill('560');
    await secretary.getByLabel('重大疾病').check();
    await secretary.locator('#root_situation').fill('丈夫重病住院，两个孩子上学，家庭收入骤减。');
    await secretary.getByLabel('慰问金').check();
    await secretary.locator('#root_amountRequested').fill('5000');
    await secretary.getByRole('button', { name: /提交申请/ }).click();

    await secretary.getByText(/已发起，案件编号/).waitFor();
    caseUrl = secretary.url();
    expect(caseUrl).toMatch(/\/cases\//);
    expect(await isShown(secretary.getByText('<img src=x onerror="window.__xss=1">王桂芳'))).toBe(true);
    expect(await secretary.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await shot(secretary, 'case-started-desktop-zh');
  });

  it('given the committee member watches her inbox, when the case starts, then the home visit appears without a reload and she submits it', async () => {
    const row = member.getByRole('link', { name: /入户走访核实/ });
    await row.waitFor();
    expect(await isShown(member.getByText('有新的待办事项，列表已更新。'))).toBe(true);
    await shot(member, 'inbox-live-desktop-zh');

    await row.click();
    await member.locator('#root_visitedOn').fill('2026-03-03');
    await pickSuggestion(member, member.locator('#root_visitors_0'), 'com1a', /（com1a）/);
    await member.locator('#root_findings').fill('入户查看，情况属实。');
    await member.getByLabel('情况属实', { exact: true }).check();
    await member.locator('#root_recommendedAmount').fill('5000');
    await member.locator('#root_recommendation').fill('建议给予慰问金帮扶。');
    await shot(member, 'task-home-visit-desktop-zh');
    await member.getByRole('button', { name: /提交核实情况/ }).click();
    await member.getByText('已提交：提交核实情况').waitFor();
  });

  it('given the applicant is the branch secretary, when the home visit is in, then the branch approval is not hers to decide', async () => {
    await secretary.goto(`${server.url}/inbox`);
    await secretary.getByText('没有待办事项。').waitFor();
    expect(await secretary.getByRole('link', { name: /支部审批帮扶/ }).count()).toBe(0);
  });

  it('given the committee member who did not visit, when she approves above the limit, then the contracting leader gets it', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'com1b');
    await page.getByRole('link', { name: /支部审批帮扶/ }).click();
    await page.locator('#root_opinion').fill('情况属实，同意帮扶。');
    await page.locator('#root_approvedAmount').fill('5000');
    await page.locator('#root_fundSource input').first().check();
    await page.locator('#root_followUpInterval input').first().check();
    await page.getByRole('button', { name: /同意帮扶/ }).click();
    await page.getByText('已提交：同意帮扶').waitFor();
  });

  it('given the district leader on a 390×844 phone, when he approves with a comment, then the case moves on to payment', async () => {
    const { page } = await newPerson(browser, PHONE);
    await signIn(page, server.url, 'leader1');
    await shot(page, 'inbox-phone-zh');
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('link', { name: /区领导审批帮扶/ }).click();
    await page.getByRole('heading', { name: '区领导审批帮扶' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    const approve = page.getByRole('button', { name: /同意帮扶/ });
    const box = (await approve.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await shot(page, 'task-leader-phone-zh');

    await page.getByRole('button', { name: /不同意/ }).click();
    expect(await isShown(page.getByText('选择“不同意”时必须填写办理意见。'))).toBe(true);
    await page.locator('#root_opinion').fill('同意。');
    await page.getByPlaceholder('填写办理意见').fill('同意帮扶，请经营组尽快发放。');
    await approve.click();
    await page.getByText('已提交：同意帮扶').waitFor();
  });

  it('given the case has been approved, when the applicant opens it, then the timeline and the current step show', async () => {
    await secretary.goto(caseUrl);
    await secretary.getByRole('heading', { name: '办理记录' }).waitFor();
    // Started, visited, approved at branch level, approved by the leader: nobody had to hand the approval on.
    expect(await countOf(secretary.locator('.timeline li'), 4)).toBe(4);
    expect(await textOf(secretary.locator('.timeline'), '请经营组尽快发放')).toContain(
      '同意帮扶，请经营组尽快发放。',
    );
    const graph = secretary.locator('.case-graph');
    expect(await textOf(graph.locator('.ff-node.is-current'), '发放')).toContain('当前步骤');
    expect(await countOf(graph.locator('.ff-node.is-visited'), 3)).toBe(3);
    await shot(secretary, 'case-desktop-zh');
  });
});
