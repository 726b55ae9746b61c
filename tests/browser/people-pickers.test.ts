import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as reassignment from '../scenarios/data/reassignment-data';
import { apiClient } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { pickSuggestion } from './support/pickers';
import { isShown } from './support/wait-for';

/** The narrowest phone the district uses. */
const NARROW = { width: 360, height: 780 };
const LIU = /刘永刚（leader1）/;

/** The chosen person's chip, removed to pick again. */
async function removeChip(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`移除 ${name.source}`) }).click();
}

/**
 * People are picked by name as the issue asks: 刘永刚 is found by typing "liu" and by typing "刘"
 * in a start form (诫勉谈话's talker, with the unit picked by name too), in the 抄送 dialog and in
 * the 加签 dialog of a vote; what is sent is his username, which the engine checks. An unknown unit
 * sent by an API client is a 422 with the field's path.
 */
describe('people and unit pickers in the browser', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  let voteCase = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    api = apiClient(server.url);
    // 支部书记岗位调整: the committee members of branch 2 vote on it; com2a may add signers and copy.
    voteCase = (
      await api.call<{ id: string }>('leader2', 'POST', '/api/instances', {
        definitionKey: 'branch-secretary-reassignment',
        data: reassignment.proposal(),
      })
    ).id;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given the admonition talk start form, when the leader types "liu" and then "刘" for the talker and "101" for the unit, then the case starts naming leader1 and station-101', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'leader2');
    await page.getByRole('link', { name: '发起', exact: true }).click();
    await page.getByRole('link', { name: /诫勉谈话/ }).click();

    await pickSuggestion(page, page.locator('#root_cadre'), 'head101', /（head101）/);
    await page.locator('#root_unit').fill('101');
    await page.getByRole('option', { name: /101计量站/ }).waitFor();
    expect(await page.getByRole('option', { name: /101计量站/ }).textContent()).toContain(
      '第一党支部 / 101计量站',
    );
    await page.getByRole('option', { name: /101计量站/ }).click();
    await page.locator('#root_reason').selectOption({ label: '领导交办' });
    await page.locator('#root_reasonDetail').fill('近期工作作风漂浮，领导交办诫勉谈话。');

    await page.locator('#root_talker').fill('liu');
    await page.getByRole('option', { name: LIU }).waitFor();
    // Only people whose name reads liu… (the talker's roles narrow it): not 徐国庆, also a leader.
    expect(await page.getByRole('option', { name: /徐国庆/ }).count()).toBe(0);
    await shot(page, 'picker-start-liu-desktop-zh', false);
    const where = await pickSuggestion(page, page.locator('#root_talker'), 'liu', LIU);
    expect(where).toContain('区领导 · 采油管理四区');
    await removeChip(page, LIU);
    await pickSuggestion(page, page.locator('#root_talker'), '刘', LIU);
    expect(await isShown(page.getByText(LIU))).toBe(true);
    await shot(page, 'picker-start-chosen-desktop-zh');

    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByText(/已发起，案件编号/).waitFor();
    const id = page.url().split('/cases/')[1]!;
    const view = await api.call<{ data: Record<string, unknown> }>('leader2', 'GET', `/api/instances/${id}`);
    expect(view.data).toMatchObject({ talker: 'leader1', unit: 'station-101', cadre: 'head101' });
  });

  it('given the same start form on a 360 px phone, when "刘" is typed by touch, then the suggestion fits the screen and is picked', async () => {
    const { page } = await newPerson(browser, NARROW);
    await signIn(page, server.url, 'leader2');
    await page.getByRole('link', { name: '发起', exact: true }).click();
    await page.getByRole('link', { name: /诫勉谈话/ }).click();
    await page.locator('#root_talker').fill('刘');
    await page.getByRole('option', { name: LIU }).waitFor();
    await shot(page, 'picker-start-liu-phone-zh', false);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('option', { name: LIU }).tap();
    expect(await isShown(page.getByText(LIU))).toBe(true);
  });

  it('given the start form in English, when "lyg" is typed, then Liu Yonggang is offered with his role and unit in English', async () => {
    const { context, page } = await newPerson(browser, undefined, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, 'leader2');
    await page.goto(`${server.url}/start/admonition-talk`);
    const talker = page.locator('#root_talker');
    expect(await talker.getAttribute('placeholder')).toBe('Type a name, pinyin (e.g. lyg) or username');
    await talker.fill('lyg');
    const option = page.getByRole('option', { name: /Liu Yonggang \(leader1\)/ });
    await option.waitFor();
    expect(await option.textContent()).toContain(
      'district leader · Oil Production Management District No. 4',
    );
    await shot(page, 'picker-start-lyg-desktop-en', false);
  });

  it('given a committee member in the vote, when she copies the case (抄送) to 刘永刚 found by "liu" and by "刘", then he is copied', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'com2a');
    const taskId = await api.taskAt('com2a', voteCase, 'opinions.committee.collecting');
    await page.goto(`${server.url}/tasks/${encodeURIComponent(taskId)}`);
    await page.getByRole('button', { name: '抄送', exact: true }).click();
    const people = page.getByRole('combobox', { name: '人员' });
    await people.fill('liu');
    await page.getByRole('option', { name: LIU }).waitFor();
    await shot(page, 'picker-cc-liu-desktop-zh', false);
    await pickSuggestion(page, people, 'liu', LIU);
    await removeChip(page, LIU);
    // Keyboard: type, arrow down to the suggestion, Enter.
    await people.fill('刘');
    await page.getByRole('option', { name: LIU }).waitFor();
    await people.press('ArrowDown');
    await people.press('ArrowUp');
    await people.press('Enter');
    expect(await isShown(page.getByText(LIU))).toBe(true);
    await page.getByRole('button', { name: '确定抄送' }).click();
    await page.getByText('抄送成功').waitFor();
    const copied = await api.call<{ items: { instanceId: string }[] }>(
      'leader1',
      'GET',
      '/api/tasks?scope=cc',
    );
    expect(copied.items.map((i) => i.instanceId)).toContain(voteCase);
  });

  it('given the 抄送 dialog on a 360 px phone, when "刘" is typed, then the suggestion with his unit fits the screen', async () => {
    const { page } = await newPerson(browser, NARROW);
    // com2a's turn in the vote (com2b's task waits for it), now on her phone.
    await signIn(page, server.url, 'com2a');
    const taskId = await api.taskAt('com2a', voteCase, 'opinions.committee.collecting');
    await page.goto(`${server.url}/tasks/${encodeURIComponent(taskId)}`);
    await page.getByRole('button', { name: '抄送', exact: true }).click();
    await page.getByRole('combobox', { name: '人员' }).fill('刘');
    await page.getByRole('option', { name: LIU }).waitFor();
    await shot(page, 'picker-cc-liu-phone-zh', false);
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByRole('option', { name: LIU }).tap();
    expect(await isShown(page.getByText(LIU))).toBe(true);
  });

  it('given the vote, when com2a adds 刘永刚 as a signer (加签) found by "liu" and by "刘", then he gets a task in it', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'com2a');
    const taskId = await api.taskAt('com2a', voteCase, 'opinions.committee.collecting');
    await page.goto(`${server.url}/tasks/${encodeURIComponent(taskId)}`);
    await page.getByRole('button', { name: '加签', exact: true }).click();
    const people = page.getByRole('combobox', { name: '人员' });
    await pickSuggestion(page, people, 'liu', LIU);
    await removeChip(page, LIU);
    await people.fill('刘');
    await page.getByRole('option', { name: LIU }).waitFor();
    await shot(page, 'picker-add-signer-liu-desktop-zh', false);
    await page.getByRole('option', { name: LIU }).click();
    await page.getByRole('button', { name: '确定加签' }).click();
    await page.getByText('加签成功').waitFor();
    expect(await api.taskAt('leader1', voteCase, 'opinions.committee.collecting')).toBeTruthy();
  });

  it('given an API client, when it starts a case naming a unit the directory lacks, then 422 invalid-reference at /unit', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'leader2', password: 'flowform' }),
    });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${server.url}/api/instances`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'accept-language': 'en',
      },
      body: JSON.stringify({
        definitionKey: 'admonition-talk',
        data: {
          cadre: 'head101',
          unit: 'no-such-unit',
          reason: 'other',
          reasonDetail: '测试',
          talker: 'leader1',
        },
      }),
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('invalid-reference');
    expect(problem.errors).toEqual([
      { path: '/unit', keyword: 'format', message: '"Unit": no unit "no-such-unit" in the directory' },
    ]);
  });
});
