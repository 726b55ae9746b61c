import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, shot, signIn } from './support/browser';
import { isShown } from './support/wait-for';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** The inbox by keyboard, drafts that survive leaving the page, attachments, and a task someone else finished. */
describe('working tasks when things get in the way', { timeout: 90_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let member: Page;
  let caseId = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    api = apiClient(server.url);
    const started = await api.call<{ id: string }>('sec1', 'POST', '/api/instances', {
      definitionKey: 'hardship-assistance',
      data: samples.application(),
    });
    caseId = started.id;
    member = (await newPerson(browser)).page;
    await signIn(member, server.url, 'com1a');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given the inbox, when the keyboard is used, then / searches, ↓ moves into the rows and Enter opens one', async () => {
    await member.locator('.row').first().waitFor();
    await member.keyboard.press('/');
    expect(await member.evaluate(() => document.activeElement?.id)).toBe('inbox-search');
    await member.keyboard.press('ArrowDown');
    expect(await member.evaluate(() => document.activeElement?.hasAttribute('data-row'))).toBe(true);
    await member.keyboard.press('Enter');
    await member.getByRole('heading', { name: '入户走访核实' }).waitFor();
  });

  it('given half-filled findings, when she leaves and comes back, then her draft is restored', async () => {
    await member.locator('#root_findings').fill('已电话联系家属，约定周三入户。');
    await member.getByRole('link', { name: '待办', exact: true }).first().click();
    await member.locator('.row').first().waitFor();
    await member.locator('.row-link').first().click();
    expect(await isShown(member.getByText('已恢复你上次未提交的草稿。'))).toBe(true);
    expect(await member.locator('#root_findings').inputValue()).toBe('已电话联系家属，约定周三入户。');
  });

  it('given a photo of the visit, when she attaches it, then it is uploaded to the case and offered for download', async () => {
    await member
      .getByRole('button', { name: /添加一项/ })
      .last()
      .click();
    await member.locator('#root_attachments_0_description').fill('入户照片');
    await member
      .locator('#root_attachments_0_attachmentId')
      .setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG });
    expect(await isShown(member.getByText('已上传：visit.png'))).toBe(true);
    const href = await member.getByRole('link', { name: '下载 visit.png' }).getAttribute('href');
    expect(href).toMatch(new RegExp(`^/api/instances/${caseId}/attachments/[0-9a-f-]{36}$`));
  });

  it('given another member finishes the visit first, when she submits hers, then she is told plainly and the page refreshes', async () => {
    const taskId = await api.taskAt('com1b', caseId, 'homeVisit');
    await api.call('com1b', 'POST', `/api/tasks/${taskId}/complete`, {
      outcome: 'submit',
      data: samples.homeVisit(),
    });
    expect(await isShown(member.getByText('此任务刚被他人处理或案件已变化，页面已刷新为最新状态。'))).toBe(
      true,
    );
    expect(await isShown(member.getByText('此任务已办结，不能再处理。'))).toBe(true);
    expect(await member.getByRole('button', { name: /提交核实情况/ }).count()).toBe(0);
    await shot(member, 'task-conflict-desktop-zh');
  });

  it('given the member who just submitted the visit, when she withdraws it from the case and confirms, then the visit is open again', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'com1b');
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: '撤回我上一步的办理' }).click();
    await page.getByRole('button', { name: '确认撤回' }).click();
    expect(await isShown(page.getByText('已撤回', { exact: true }))).toBe(true);
    expect(await isShown(page.locator('.case-graph .ff-node.is-current').getByText('入户核实'))).toBe(true);
  });
});
