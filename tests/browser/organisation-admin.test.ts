import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { DESKTOP, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { isShown } from './support/wait-for';
import { pickSuggestion } from './support/pickers';

const NARROW = { width: 360, height: 740 };

interface Org {
  version: string;
  units: { id: string; kind: string; parent: string | null }[];
  people: { username: string; superior: string | null; active: boolean }[];
  memberships: { username: string; role: string; unit: string }[];
}
interface Inbox {
  items: { taskId: string | null; instanceId: string; stateId: string | null }[];
}

/**
 * An administrator keeps the organisation current in the web app, against the real server with
 * the demo directory and the demo's cases in progress: a new station with its head, a worker moved
 * there, and a new branch secretary of branch 1 while a hardship application waits for the old one.
 */
describe('the organisation administered in the browser', { timeout: 180_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let api: ReturnType<typeof apiClient>;
  const org = () => api.call<Org>('admin', 'GET', '/api/admin/organisation');
  const todo = async (username: string) =>
    (await api.call<Inbox>(username, 'GET', '/api/tasks?scope=todo&limit=100')).items.map((i) => i.taskId);

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir, 'demo', { demoCases: true });
    api = apiClient(server.url);
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  /** Opens the organisation screen as admin and selects a unit in the tree. */
  async function openUnit(page: Page, name: string) {
    await page.goto(`${server.url}/organisation`);
    await page.locator('.org-node-row', { hasText: name }).first().click();
    await page.locator('#org-unit-title', { hasText: name }).waitFor();
  }

  /** Waits for the server's preview, then saves; answers the preview's text. */
  async function previewAndSave(page: Page, shotName?: string): Promise<string> {
    const preview = page.locator('.org-preview');
    await preview.waitFor();
    const save = preview.getByRole('button', { name: /确认保存|仍然保存|Save/ });
    await expect.poll(() => save.isEnabled(), { timeout: 15_000 }).toBe(true);
    const text = (await preview.textContent()) ?? '';
    if (shotName) await shot(page, shotName, false);
    await save.click();
    expect(await isShown(page.getByText(/已保存为版本|Saved as version/))).toBe(true);
    return text;
  }

  it('given branch 1, when the administrator adds station 199 with w010 as its head, then the preview lists both and the directory has them', async () => {
    const { page } = await newPerson(browser, DESKTOP);
    await signIn(page, server.url, 'admin');
    await page.getByRole('link', { name: '组织管理' }).click();
    await page.locator('.org-node-row', { hasText: '第一党支部' }).first().click();
    await shot(page, 'org-units-1280-zh');
    await page.getByRole('button', { name: '添加下级单位' }).click();
    const form = page.locator('form[data-form=add-unit]');
    await form.locator('select[name=kind]').selectOption('station');
    await form.locator('input[name=id]').fill('station-199');
    await form.locator('input[name=nameZh]').fill('199计量站');
    await form.locator('input[name=nameEn]').fill('Metering Station 199');
    // the head is found by name (兰振华) as in every picker, not typed as a username
    await pickSuggestion(page, form.locator('[data-picker=head] input'), '兰振', /w010/);
    await form.getByRole('button', { name: '预览' }).click();
    const text = await previewAndSave(page, 'org-add-station-preview-1280-zh');
    expect(text).toContain('新增单位 199计量站');
    expect(text).toContain('199计量站 的 站长 改由');

    const after = await org();
    expect(after.units).toContainEqual(
      expect.objectContaining({ id: 'station-199', kind: 'station', parent: 'branch-1' }),
    );
    expect(after.memberships).toContainEqual({ username: 'w010', role: 'stationHead', unit: 'station-199' });
  });

  it('given a worker of station 101, when moved to station 199 in the person form, then the membership moves and the new head is the superior', async () => {
    const before = await org();
    const worker = before.memberships.find(
      (m) => m.role === 'worker' && m.unit === 'station-101' && m.username !== 'w010',
    )!;
    expect(worker).toBeDefined();
    const { page } = await newPerson(browser, DESKTOP);
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/organisation/people`);
    await page.locator('input[name=people-search]').fill(worker.username);
    await page.locator('.org-person-row', { hasText: worker.username }).first().click();
    const row = page.locator(`li[data-membership="worker@station-101"]`);
    await row.getByRole('button', { name: '调动' }).click();
    await row.locator('select[name=moveTo]').selectOption('station-199');
    await row.getByRole('button', { name: '预览' }).click();
    const text = await previewAndSave(page);
    expect(text).toContain('199计量站');

    const after = await org();
    const roles = after.memberships.filter((m) => m.username === worker.username);
    expect(roles).toContainEqual({ username: worker.username, role: 'worker', unit: 'station-199' });
    expect(roles).not.toContainEqual({ username: worker.username, role: 'worker', unit: 'station-101' });
    expect(after.people.find((p) => p.username === worker.username)?.superior).toBe('w010');
  });

  it('given a hardship application waiting for sec1, when com1a becomes branch 1 secretary on a phone, then the preview shows the task moving, it moves, and no superior is sec1', async () => {
    const sec1Before = await todo('sec1');
    const waiting = sec1Before.filter(Boolean);
    expect(waiting.length).toBeGreaterThan(0);
    const { page } = await newPerson(browser, NARROW);
    await signIn(page, server.url, 'admin');
    await openUnit(page, '第一党支部');
    const post = page.locator('li[data-role=branchSecretary]');
    await post.getByRole('button', { name: /更换/ }).click();
    const form = post.locator('form[data-form=set-holder]');
    await pickSuggestion(page, form.locator('[data-picker=username] input'), 'qhw', /com1a/);
    await form.getByRole('button', { name: '预览' }).click();
    const text = await previewAndSave(page, 'org-branch-secretary-preview-360-zh');
    expect(text).toMatch(/待办任务的去向（[1-9]/);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'org-after-save-360-zh');

    // They leave sec1 with the post; com1a made these cases' home visits, so separation of duties
    // hands them to the process's fallback rather than to him.
    const sec1Now = await todo('sec1');
    for (const task of waiting) expect(sec1Now).not.toContain(task);
    const after = await org();
    expect(after.memberships).toContainEqual({
      username: 'com1a',
      role: 'branchSecretary',
      unit: 'branch-1',
    });
    expect(after.people.filter((p) => p.superior === 'sec1').map((p) => p.username)).toEqual([]);
  });

  it('given station 199 with people in it, when the administrator removes it, then the preview says why in English, offers no Save, and nothing changes', async () => {
    const versionBefore = (await org()).version;
    const { context, page } = await newPerson(browser, DESKTOP, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/organisation`);
    await page.locator('.org-node-row', { hasText: 'First Party Branch' }).first().click();
    await page.getByRole('button', { name: 'Expand First Party Branch' }).click();
    await page.locator('.org-node-row', { hasText: 'Metering Station 199' }).click();
    await page.getByRole('button', { name: 'Remove unit' }).click();
    const preview = page.locator('.org-preview');
    expect(await isShown(preview.getByText('The change was refused:'))).toBe(true);
    expect(await preview.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await shot(page, 'org-remove-refused-1280-en', false);
    expect((await org()).version).toBe(versionBefore);
  });

  it.each([
    { locale: 'zh-CN', viewport: DESKTOP, shotName: 'org-proofs-broken-1280-zh' },
    { locale: 'en', viewport: NARROW, shotName: 'org-proofs-broken-360-en' },
  ] as const)(
    'given the district ($locale), when the only discipline leader is removed, then the preview names the processes it breaks before saving, and cancel changes nothing',
    async ({ locale, viewport, shotName }) => {
      const versionBefore = (await org()).version;
      const { context, page } = await newPerson(browser, viewport, locale);
      const en = locale === 'en';
      if (en) await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
      await signIn(page, server.url, 'admin');
      await openUnit(page, en ? 'Oil Production Management District No. 4' : '采油管理四区');
      await page
        .locator('li[data-role=disciplineLeader]')
        .getByRole('button', {
          name: en ? 'Remove Gao Yong (leader3) as discipline leader' : '移除 高勇 (leader3) 的 纪检负责人',
        })
        .click();
      const preview = page.locator('.org-preview');
      const proofs = preview.locator('.org-proofs');
      expect(await isShown(proofs)).toBe(true);
      const text = (await proofs.textContent()) ?? '';
      expect(text).toContain(
        en
          ? 'Process "Accountability investigation": nobody in the directory can take this step (leaderApproval)'
          : '流程「责任追究」：目录中没有人能办理这一步（leaderApproval）',
      );
      expect(text).toContain(en ? 'Process "Supervision bulletin"' : '流程「督查通报」');
      expect(await preview.textContent()).toContain(
        en ? 'Process proofs the change breaks: 3' : '会被破坏的流程校验（3）',
      );
      const saveAnyway = preview.getByRole('button', { name: en ? 'Save anyway' : '仍然保存' });
      await expect.poll(() => saveAnyway.isEnabled(), { timeout: 15_000 }).toBe(true);
      await proofs.scrollIntoViewIfNeeded();
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, shotName, false);
      await preview.getByRole('button', { name: en ? 'Cancel' : '取消' }).click();
      expect(await preview.count()).toBe(0);
      expect((await org()).version).toBe(versionBefore);
    },
  );

  it('given the history tab in English at 360 px, when opened, then the seed and the three edits are listed newest first, with who made them', async () => {
    const { context, page } = await newPerson(browser, NARROW, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/organisation/history`);
    await page.locator('.org-history li').first().waitFor();
    const versions = (
      await page
        .locator('.org-history > li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-version')))
    ).map(Number);
    expect(versions.length).toBeGreaterThanOrEqual(4); // the seed and the three edits above
    expect(versions).toEqual([...versions].sort((a, b) => b - a));
    expect(await page.locator('.org-history > li').first().textContent()).toContain(
      'System Administrator (admin)',
    );
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'org-history-360-en');
  });

  it('given the exported CSV with two bad rows, when dry-run in the import screen, then each row error is listed and nothing can be applied; the fixed file imports one new person', async () => {
    const { page } = await newPerson(browser, DESKTOP);
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/organisation/transfer`);
    const exported = await page.evaluate(() =>
      fetch('/api/admin/organisation/export?format=csv').then((r) => r.text()),
    );
    const header = exported
      .replace(/^\uFEFF/, '')
      .split('\r\n')[0]!
      .split(',');
    const row = (cells: Record<string, string>) => header.map((c) => cells[c] ?? '').join(',');
    const withRows = (...rows: Record<string, string>[]) =>
      Buffer.from(`${exported.trimEnd()}\r\n${rows.map(row).join('\r\n')}\r\n`);
    const newcomer = {
      sheet: 'people',
      username: 'imp001',
      name_zh: '导入测试',
      name_en: 'Import Test',
      status: 'active',
    };
    const file = page.locator('input[name=import-file]');

    await file.setInputFiles({
      name: 'organisation.csv',
      mimeType: 'text/csv',
      buffer: withRows(
        newcomer,
        { sheet: 'memberships', username: 'imp001', role: 'worker', unit: 'no-such-unit' },
        {
          sheet: 'units',
          id: 'station-castle',
          kind: 'castle',
          parent: 'branch-1',
          name_zh: '城堡',
          name_en: 'Castle',
        },
      ),
    });
    await page.getByRole('button', { name: '试导入（不做修改）' }).click();
    expect(await isShown(page.getByText('2 行有错误，未做任何修改'))).toBe(true);
    expect(await page.locator('.org-table tbody tr').count()).toBe(2);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await shot(page, 'org-import-row-errors-1280-zh');
    expect((await org()).people.some((p) => p.username === 'imp001')).toBe(false);

    await file.setInputFiles({ name: 'organisation.csv', mimeType: 'text/csv', buffer: withRows(newcomer) });
    await page.getByRole('button', { name: '试导入（不做修改）' }).click();
    expect(await isShown(page.getByText('新增人员 导入测试 (imp001)'))).toBe(true);
    await page.getByRole('button', { name: '确认导入' }).click();
    expect(await isShown(page.getByText(/已导入，组织版本/))).toBe(true);
    expect((await org()).people).toContainEqual(
      expect.objectContaining({ username: 'imp001', active: true }),
    );
  });
});
