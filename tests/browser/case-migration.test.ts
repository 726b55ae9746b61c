import type { DefinitionBundle } from '@flowform/engine';
import { checkAuditAnchors, replayCases } from '@flowform/runtime';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardshipV2 } from '../migration/hardship-v2';
import * as h from '../scenarios/data/hardship-data';
import { apiClient } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { cspViolations, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { isShown, textOf } from './support/wait-for';

const KEY = 'hardship-assistance';

/**
 * The demo's two hardship applications (one waiting for the home visit, one for the branch's
 * approval) run on v1. The administrator publishes v2, which inserts a review of the findings
 * before the branch approves and renames the payment step; in 版本与发布 she replays the cases
 * against v2 (what-if), is told the renamed step needs a target, chooses it, dry-runs and migrates.
 * The migrated cases go on through the inserted step; the audit trail verifies and replays.
 */
describe('migrating the demo’s hardship cases in the designer', () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let admin: Page;
  let api: ReturnType<typeof apiClient>;
  let visit = '';
  let approval = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir, 'demo', { demoCases: true });
    browser = await launchBrowser();
    api = apiClient(server.url);
    const started = server.seeded?.kind === 'demo' ? server.seeded.cases.started : [];
    const hardship = [];
    for (const id of started) {
      const snapshot = await server.ctx.runtime.snapshot(id);
      if (snapshot?.definitionKey === KEY) hardship.push({ id, state: snapshot.tasks[0]?.stateId });
    }
    visit = hardship.find((c) => c.state === 'homeVisit')!.id;
    approval = hardship.find((c) => c.state === 'branchApproval')!.id;
    const detail = await api.call<{ published: DefinitionBundle }>(
      'admin',
      'GET',
      `/api/designer/definitions/${KEY}`,
    );
    await api.call('admin', 'PUT', `/api/definitions/${KEY}/draft`, hardshipV2(detail.published));
    expect(await api.call('admin', 'POST', `/api/definitions/${KEY}/publish`)).toMatchObject({ version: 2 });
    admin = (await newPerson(browser)).page;
    await signIn(admin, server.url, 'admin');
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given v2 published, when the administrator opens 版本与发布, then the mapping from v1 shows the running cases per step and the renamed step waiting for a target', async () => {
    await admin.goto(`${server.url}/designer/${KEY}`);
    await admin.getByRole('tab', { name: '版本与发布' }).click();
    const panel = admin.locator('.ff-migration');
    await panel.locator('.ff-mig-map').waitFor();
    expect(await panel.locator('select[name="migration-from"]').inputValue()).toBe('1');
    expect(await panel.locator('select[name="migration-to"]').inputValue()).toBe('2');
    const row = (state: string) =>
      panel.locator('.ff-mig-map li', { has: admin.locator(`code:text-is("${state}")`) });
    expect(await textOf(row('homeVisit'), '进行中 1 件')).toContain('进行中 1 件');
    expect(await textOf(row('branchApproval'), '进行中 1 件')).toContain('进行中 1 件');
    expect(await textOf(row('payment'), '新版本已无此环节')).toContain('新版本已无此环节');
    expect(await row('payment').locator('select').inputValue()).toBe('');
    expect(await isShown(row('payment').getByRole('button', { name: '建议：disbursement' }))).toBe(true);
    expect(await textOf(panel, '新版本新增环节：reviewFindings，disbursement')).toContain(
      '新版本新增环节：reviewFindings，disbursement',
    );
    await shot(admin, 'migration-01-proposal');
  });

  it('given the proposal, when she runs what-if on v2, then the visit case reaches the same step and the approval case the inserted review', async () => {
    const panel = admin.locator('.ff-migration');
    await panel.getByRole('button', { name: '推演：按目标版本重放' }).click();
    const status = panel.getByRole('status');
    await status.filter({ hasText: '推演' }).waitFor();
    expect(await textOf(status, '推演（v2）：1 件状态相同，1 件不同，0 件会被拒绝。未做任何更改。')).toBe(
      '推演（v2）：1 件状态相同，1 件不同，0 件会被拒绝。未做任何更改。',
    );
    expect(
      await textOf(panel.locator('.ff-mig-report li', { hasText: visit.slice(0, 8) }), '状态相同：homeVisit'),
    ).toContain('状态相同：homeVisit');
    expect(
      await textOf(
        panel.locator('.ff-mig-report li', { hasText: approval.slice(0, 8) }),
        '状态不同：branchApproval → reviewFindings',
      ),
    ).toContain('状态不同：branchApproval → reviewFindings');
    await shot(admin, 'migration-02-what-if');
  });

  it('given no target for the renamed step, when she migrates, then it is refused with the reason beside that step and nothing moves', async () => {
    const panel = admin.locator('.ff-migration');
    await panel.getByRole('button', { name: '执行迁移' }).click();
    await panel.getByRole('alert').filter({ hasText: '映射会使案件无处可去' }).waitFor();
    const payment = panel.locator('.ff-mig-map li', { has: admin.locator('code:text-is("payment")') });
    expect(
      await textOf(payment.getByRole('alert'), '新版本没有这个环节：请为停在这里的案件选择目标环节。'),
    ).toBe('新版本没有这个环节：请为停在这里的案件选择目标环节。');
    await shot(admin, 'migration-03-refused');
    const view = await api.call<{ definitionVersion: number }>('admin', 'GET', `/api/instances/${approval}`);
    expect(view.definitionVersion).toBe(1);
  });

  it('on a phone at 360 px in English, the same mapping reads and dry-runs without sideways scrolling', async () => {
    const { context, page: phone } = await newPerson(browser, { width: 360, height: 740 }, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(phone, server.url, 'admin');
    await phone.goto(`${server.url}/designer/${KEY}`);
    await phone.getByRole('tab', { name: 'Versions', exact: true }).click();
    const panel = phone.locator('.ff-migration');
    await panel.locator('.ff-mig-map').waitFor();
    await panel.getByRole('button', { name: 'Suggested: disbursement' }).click();
    await panel.getByRole('button', { name: 'Dry run' }).click();
    await panel.getByRole('status').filter({ hasText: 'Dry run' }).waitFor();
    expect(await textOf(panel.getByRole('status'), 'Dry run: 2 would move, 0 cannot. Nothing changed.')).toBe(
      'Dry run: 2 would move, 0 cannot. Nothing changed.',
    );
    expect(await scrollsSideways(phone)).toBe(false);
    await panel.locator('.ff-mig-actions').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot(phone, 'migration-04-dry-run-phone-360');
    await shot(phone, 'migration-04b-dry-run-phone-360-screen', false);
    expect(await cspViolations(phone)).toEqual([]);
    await phone.context().close();
  }, 60_000);

  it('given payment → disbursement chosen, when she dry-runs and migrates, then both cases move to v2 and go on through the inserted step, with the audit trail verifying and replaying', async () => {
    const panel = admin.locator('.ff-migration');
    await panel.locator('select[name="migration-target-payment"]').selectOption('disbursement');
    await panel.getByRole('button', { name: '试运行' }).click();
    await panel.getByRole('status').filter({ hasText: '试运行' }).waitFor();
    expect(await textOf(panel.getByRole('status'), '试运行：2 件可迁移，0 件无法迁移。未做任何更改。')).toBe(
      '试运行：2 件可迁移，0 件无法迁移。未做任何更改。',
    );
    await panel.getByRole('button', { name: '执行迁移' }).click();
    await panel.getByRole('status').filter({ hasText: '已迁移' }).waitFor();
    expect(await textOf(panel.getByRole('status'), '已迁移')).toMatch(
      /^已迁移 2 件到 v2（映射 hardship-assistance@1->2#[0-9a-f]{12}）。$/,
    );
    expect(
      await textOf(
        panel.locator('.ff-mig-report li', { hasText: approval.slice(0, 8) }),
        'branchApproval → branchApproval',
      ),
    ).toContain('branchApproval → branchApproval');
    await shot(admin, 'migration-05-migrated');
    expect(await scrollsSideways(admin)).toBe(false);

    for (const id of [visit, approval]) {
      const view = await api.call<{ definitionVersion: number }>('admin', 'GET', `/api/instances/${id}`);
      expect(view.definitionVersion).toBe(2);
    }
    const task = await api.taskAt('com1a', visit, 'homeVisit');
    await api.call('com1a', 'POST', `/api/tasks/${task}/complete`, {
      outcome: 'submit',
      data: h.homeVisit(),
    });
    const after = await api.call<{ tasks: { stateId: string }[] }>('admin', 'GET', `/api/instances/${visit}`);
    expect(after.tasks.map((t) => t.stateId)).toEqual(['reviewFindings']);

    await admin.goto(`${server.url}/cases/${approval}`);
    expect(await isShown(admin.locator('.timeline .event', { hasText: '迁移到新版本' }))).toBe(true);
    await shot(admin, 'migration-06-case-timeline');

    const db = server.ctx.runtime.db;
    const audit = await checkAuditAnchors(db, { keys: [server.ctx.auditKey] });
    expect([audit.broken, audit.findings]).toEqual([[], []]);
    const replays = await replayCases(server.ctx.runtime);
    expect(replays.filter((r) => r.status !== 'same')).toEqual([]);
    expect(await cspViolations(admin)).toEqual([]);
  }, 60_000);
});
