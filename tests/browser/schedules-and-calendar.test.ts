/**
 * The designer's scheduled starts (next five fires from the server, lint beside the field, undo), the
 * working-day choice on a duration, and the administrators' working-day calendar, at 1280 and 360 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStep, commit } from './designer-helpers';
import { buildWebApp, startAppServer } from './support/app-server';
import { cspViolations, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { countOf, textOf } from './support/wait-for';

const PHONE_360 = { width: 360, height: 780 };

async function showYear(page: Page, year: number): Promise<void> {
  const shown = page.locator('.cal-year');
  await shown.waitFor();
  for (let i = 0; i < 5 && Number(await shown.textContent()) !== year; i++) {
    const step = Number(await shown.textContent()) > year ? /上一年|Previous year/ : /下一年|Next year/;
    await page.getByRole('button', { name: step }).click();
  }
  expect(await textOf(shown, String(year))).toBe(String(year));
}

describe('schedules in the designer and the working-day calendar', () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    admin = (await newPerson(browser)).page;
    await signIn(admin, server.url, 'admin');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given a new process, when a schedule is added and edited, then the next five fires show, a bad rule is flagged beside the field, and undo restores the rule', async () => {
    await admin.goto(`${server.url}/designer`);
    await admin.locator('#ff-new-key').fill('weekly-check');
    await admin.locator('#ff-new-zh').fill('每周检查');
    await admin.getByRole('button', { name: '创建' }).click();
    await admin.locator('.ff-canvas').waitFor();

    await addStep(admin, 'task');
    // a task without an assignee fails the format check, which hides every later lint check
    await admin.locator('select[name="assignee-kind"]').selectOption('initiator');
    await commit(admin, 'input[name="task-due"]', 'P3D');
    await admin.locator('select[name="task-due-kind"]').selectOption('working');
    await expect.poll(() => admin.locator('input[name="task-due"]').inputValue()).toBe('P3WD');
    await admin.locator('select[name="task-due-kind"]').scrollIntoViewIfNeeded();
    await shot(admin, 'schedules-01-working-days-due', false);

    await admin.getByRole('tab', { name: '定时发起' }).click();
    await admin.getByRole('button', { name: '添加定时发起' }).click();
    const fires = admin.locator('[data-testid="fires-schedule"] li');
    expect(await countOf(fires, 5)).toBe(5);
    const fridays = await fires.allTextContents();
    expect(fridays.every((f) => f.includes('周五') && f.includes('17:00'))).toBe(true);
    await shot(admin, 'schedules-02-five-fires-1280');

    await admin
      .locator('select')
      .filter({ hasText: '选择一个规则' })
      .selectOption('first working day of each quarter 09:00');
    await expect
      .poll(() => admin.locator('input[name="schedule-when"]').inputValue())
      .toBe('first working day of each quarter 09:00');
    await expect.poll(async () => (await fires.allTextContents()).join('|')).not.toBe(fridays.join('|'));
    expect(await countOf(fires, 5)).toBe(5);
    expect((await fires.allTextContents()).every((f) => f.includes('09:00'))).toBe(true);

    await commit(admin, 'input[name="schedule-when"]', 'every blue moon');
    const problem = admin.locator('.ff-field-problems').first();
    expect(await textOf(problem, 'schedule-invalid')).toContain('schedule-invalid');
    expect(
      await textOf(admin.locator('[data-testid="fires-schedule"] [role="alert"]'), '无法计算'),
    ).toContain('无法计算');
    await shot(admin, 'schedules-03-bad-rule-beside-field');
    await admin.getByRole('tab', { name: '流程图' }).click();
    await admin.locator('.ff-lint .ff-problem-button', { hasText: 'schedule-invalid' }).click();
    expect(await admin.getByRole('tab', { name: '定时发起' }).getAttribute('aria-selected')).toBe('true');

    await admin.locator('.ff-toolbar').getByRole('button', { name: '撤销' }).click();
    await expect
      .poll(() => admin.locator('input[name="schedule-when"]').inputValue())
      .toBe('first working day of each quarter 09:00');
    expect(await countOf(admin.locator('.ff-field-problems'), 0)).toBe(0);
    expect(await countOf(fires, 5)).toBe(5);
    expect(await cspViolations(admin)).toEqual([]);
  }, 120_000);

  it('on a 360 px phone, the schedule panel shows its five fires without sideways scrolling', async () => {
    const { context, page: phone } = await newPerson(browser, PHONE_360);
    await signIn(phone, server.url, 'admin');
    await phone.goto(`${server.url}/designer/weekly-check`);
    await phone.getByRole('tab', { name: '定时发起' }).click();
    expect(await countOf(phone.locator('[data-testid="fires-schedule"] li'), 5)).toBe(5);
    expect(await scrollsSideways(phone)).toBe(false);
    await shot(phone, 'schedules-04-panel-phone-360');
    await context.close();
  }, 120_000);

  it('given the 2026 calendar, when an administrator adds a closure with a note and saves, then the day shows as closed and version 1 is recorded', async () => {
    await admin.goto(`${server.url}/calendar`);
    await showYear(admin, 2026);
    await expect
      .poll(() => admin.locator('[data-date="2026-02-17"]').getAttribute('class'))
      .toContain('cal-holiday');
    expect(await admin.locator('[data-date="2026-02-14"]').getAttribute('class')).toContain('cal-makeUp');
    expect(await admin.locator('[data-date="2026-03-07"]').getAttribute('class')).toContain('cal-weekend');

    await admin.locator('[data-date="2026-03-02"]').click();
    await admin.getByRole('button', { name: '加入' }).click();
    expect(await textOf(admin.locator('.cal-entry [role="alert"]'), '请填写说明')).toContain('请填写说明');
    await admin.locator('.cal-entry input[name="note"]').fill('停电检修');
    await admin.getByRole('button', { name: '加入' }).click();
    expect(await admin.locator('[data-date="2026-03-02"]').getAttribute('class')).toContain('cal-closure');
    expect(await textOf(admin.locator('.cal-own'), '停电检修')).toContain('停电检修');
    await admin.locator('#cal-comment').fill('三月检修');
    await admin.getByRole('button', { name: '保存为新版本' }).click();
    expect(await textOf(admin.locator('.cal-save'), '已保存为 v1')).toContain('已保存为 v1');
    expect(await textOf(admin.locator('.cal-history'), '三月检修')).toContain('三月检修');
    expect(await admin.locator('[data-date="2026-03-02"]').getAttribute('class')).toContain('cal-closure');
    await shot(admin, 'calendar-01-year-1280');
    expect(await cspViolations(admin)).toEqual([]);
  }, 120_000);

  it('on a 360 px phone in English, the calendar reads without sideways scrolling and the saved closure is there', async () => {
    const { context, page: phone } = await newPerson(browser, PHONE_360, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(phone, server.url, 'admin');
    await phone.goto(`${server.url}/calendar`);
    await showYear(phone, 2026);
    await expect
      .poll(() => phone.locator('[data-date="2026-03-02"]').getAttribute('class'))
      .toContain('cal-closure');
    expect(await textOf(phone.locator('h1'), 'Working-day calendar')).toContain('Working-day calendar');
    expect(await scrollsSideways(phone)).toBe(false);
    await shot(phone, 'calendar-02-phone-360-en');
    await shot(phone, 'calendar-03-phone-360-en-screen', false);
    await context.close();
  }, 120_000);
});
