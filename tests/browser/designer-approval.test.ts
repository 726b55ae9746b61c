import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStep, commit, exportedText, pickState } from './designer-helpers';
import { buildWebApp, startAppServer } from './support/app-server';
import { cspViolations, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { countOf, isShown, textOf } from './support/wait-for';

const KEY = 'cadre-leave';

/**
 * An administrator draws a three-step approval in the visual designer (request form with two
 * fields → branch secretary review → district leader approval), is told by lint that a task has no
 * assignee, fixes it, simulates it, and publishes it; then a cadre starts a case, fills the request
 * in her inbox, the secretary reviews it and the leader approves; the case ends.
 */
describe('designing a three-step approval in the browser', () => {
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
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given the administrator, when she creates a new process, then an empty canvas opens with lint saying what is missing', async () => {
    await admin.getByRole('link', { name: '流程设计', exact: true }).click();
    await admin.getByRole('heading', { name: '流程设计' }).waitFor();
    await shot(admin, 'designer-01-list');
    await admin.locator('#ff-new-key').fill(KEY);
    await admin.locator('#ff-new-zh').fill('干部请假');
    await admin.locator('#ff-new-en').fill('Cadre leave');
    await admin.getByRole('button', { name: '创建' }).click();
    await admin.locator('.ff-canvas').waitFor();
    expect(await isShown(admin.getByText('画布为空'))).toBe(true);
    expect(await isShown(admin.locator('.ff-lint').getByText('流程还没有起始环节。'))).toBe(true);
    await shot(admin, 'designer-02-empty-canvas');
  });

  it('given the empty canvas, when she adds the request task with its form, then it is the first step assigned to the initiator', async () => {
    await addStep(admin, 'task');
    await admin.locator('.react-flow__node[data-id="task"]').waitFor();
    await commit(admin, 'input[name="state-id"]', 'request');
    await admin.locator('.react-flow__node[data-id="request"]').waitFor();
    await commit(admin, 'input[name="task-title-zh"]', '填写请假申请');
    await commit(admin, 'input[name="task-title-en"]', 'Fill in the request');
    await admin.locator('select[name="assignee-kind"]').selectOption('initiator');
    await admin.getByRole('button', { name: '新建表单' }).click();
    expect(await admin.locator('.react-flow__node[data-id="request"]').textContent()).toContain(
      '填写请假申请',
    );
  });

  it('given the request step, when she adds the secretary review without an assignee, then lint marks it and she fixes it', async () => {
    await addStep(admin, 'task');
    await commit(admin, 'input[name="state-id"]', 'secretaryReview');
    await commit(admin, 'input[name="task-title-zh"]', '支部书记审核');
    await commit(admin, 'input[name="task-title-en"]', 'Branch secretary review');
    const problem = admin.locator('.ff-problem', { hasText: '这个任务还没有指定办理人。' });
    expect(await isShown(problem)).toBe(true);
    expect(await isShown(admin.locator('.react-flow__node[data-id="secretaryReview"] .node-problems'))).toBe(
      true,
    );
    await shot(admin, 'designer-03-lint-missing-assignee');

    await admin.locator('.ff-props h3').first().click();
    await problem.getByRole('button').click();
    await admin.locator('.ff-props h3 code', { hasText: 'secretaryReview' }).waitFor();
    await admin.locator('select[name="assignee-kind"]').selectOption('role');
    await admin.locator('select[name="assignee-role"]').selectOption('branchSecretary');
    await admin.locator('select[name="assignee-unit"]').selectOption('branch-1');
    expect(await textOf(admin.locator('.ff-rule .ff-muted'), '肖志刚')).toContain('肖志刚');
    expect(await countOf(admin.locator('.ff-problem', { hasText: '这个任务还没有指定办理人。' }), 0)).toBe(0);
  });

  it('given the review, when she adds the leader approval with approve and reject and two ends, then lint is clean', async () => {
    await addStep(admin, 'task');
    await commit(admin, 'input[name="state-id"]', 'leaderApproval');
    await commit(admin, 'input[name="task-title-zh"]', '区领导审批');
    await commit(admin, 'input[name="task-title-en"]', 'District leader approval');
    await admin.locator('select[name="assignee-kind"]').selectOption('users');
    await admin.locator('.ff-users select').selectOption('leader1');
    await commit(admin, 'input[name="outcome-0-key"]', 'approve');
    await commit(admin, 'input[name="outcome-0-label-zh"]', '同意');
    await commit(admin, 'input[name="outcome-0-label-en"]', 'Approve');
    await admin.getByRole('button', { name: '添加结果' }).click();
    await commit(admin, 'input[name="outcome-1-key"]', 'reject');
    await commit(admin, 'input[name="outcome-1-label-zh"]', '不同意');
    await commit(admin, 'input[name="outcome-1-label-en"]', 'Reject');
    await addStep(admin, 'end');
    await commit(admin, 'input[name="state-id"]', 'approved');
    await commit(admin, 'input[name="state-name-zh"]', '准假');
    await commit(admin, 'input[name="state-name-en"]', 'Granted');
    await pickState(admin, 'leaderApproval');
    await addStep(admin, 'end');
    await commit(admin, 'input[name="state-id"]', 'rejected');
    await commit(admin, 'input[name="state-name-zh"]', '不准假');
    await commit(admin, 'input[name="state-name-en"]', 'Refused');
    expect(await textOf(admin.locator('.ff-lint h3'), '没有发现问题')).toContain('没有发现问题');
    // The canvas lays out with ELK after each edit; on a loaded machine that can take a while.
    expect(await countOf(admin.locator('.react-flow__edge'), 5, 60_000)).toBe(5);
    await shot(admin, 'designer-04-flow-clean');
  });

  it('given the request form, when she adds two fields in the form designer, then the live preview renders them', async () => {
    await admin.getByRole('tab', { name: '表单' }).click();
    await admin.locator('#ff-new-field-name').fill('reason');
    await admin.locator('[data-field-kind="text"]').click();
    await commit(admin, 'input[name="field-label-zh"]', '请假事由');
    await commit(admin, 'input[name="field-label-en"]', 'Reason');
    await admin.locator('input[name="field-required"]').check();
    await admin.locator('#ff-new-field-name').fill('days');
    await admin.locator('[data-field-kind="number"]').click();
    await commit(admin, 'input[name="field-label-zh"]', '请假天数');
    await commit(admin, 'input[name="field-label-en"]', 'Days');
    await admin.locator('input[name="field-required"]').check();
    await admin.locator('.ff-field-item').first().waitFor();
    expect(await countOf(admin.locator('.ff-field-item'), 2)).toBe(2);
    expect(await isShown(admin.locator('.ff-preview').getByText('请假事由'))).toBe(true);
    expect(await isShown(admin.locator('.ff-preview').getByText('请假天数'))).toBe(true);
    await shot(admin, 'designer-05-form-designer');
  });

  it('given the finished flow, when she plays it as real people and walks every path, then the case ends and coverage is full', async () => {
    await admin.getByRole('tab', { name: '模拟运行' }).click();
    await admin.locator('#ff-sim-starter').selectOption('head101');
    await admin.getByRole('button', { name: '开始模拟' }).click();
    const card = (state: string) => admin.locator(`.ff-sim-task[data-state="${state}"]`);
    await card('request').getByRole('button', { name: '提交', exact: true }).click();
    expect(await card('secretaryReview').textContent()).toContain('肖志刚');
    await card('secretaryReview').getByRole('button', { name: '提交', exact: true }).click();
    expect(await card('leaderApproval').textContent()).toContain('刘永刚');
    await shot(admin, 'designer-06-simulating');
    await card('leaderApproval').getByRole('button', { name: '同意', exact: true }).click();
    expect(await textOf(admin.locator('.ff-sim-clock'), '已结束')).toContain('已结束');
    expect(await countOf(admin.locator('.react-flow__node-state .is-visited'), 3)).toBe(3);
    await admin.getByRole('button', { name: '遍历所有路径' }).click();
    expect(await textOf(admin.locator('.ff-coverage-line'), '覆盖')).toMatch(/环节 5\/5 \(100%\)/);
    await shot(admin, 'designer-07-simulated');
  });

  it('given no lint errors, when she publishes, then version 1 exists and the diff said it was new', async () => {
    await admin.getByRole('tab', { name: '版本与发布' }).click();
    expect(await isShown(admin.getByText('全新流程（尚无已发布版本）'))).toBe(true);
    await admin.getByRole('button', { name: '发布新版本' }).click();
    const confirm = admin.getByRole('alertdialog');
    expect(await textOf(confirm, '发布为 v1')).toContain('正在运行的 0 件案件仍按原版本办理');
    await shot(admin, 'designer-08a-publish-confirm');
    await confirm.getByRole('button', { name: '确认发布 v1' }).click();
    expect(await isShown(admin.getByText('已发布为 v1。'))).toBe(true);
    expect(await isShown(admin.getByText(/v1 · admin · .* · 进行中 0 件/))).toBe(true);
    await shot(admin, 'designer-08-published');
    expect(await cspViolations(admin)).toEqual([]);
    const bundle = JSON.parse(await exportedText(admin));
    expect(Object.keys(bundle.definition.machine.states)).toEqual([
      'request',
      'secretaryReview',
      'leaderApproval',
      'approved',
      'rejected',
    ]);
  });

  it('given version 1, when she changes the leader step and a field, then the diff lists what changed since v1', async () => {
    await admin.getByRole('tab', { name: '流程图' }).click();
    await pickState(admin, 'leaderApproval');
    await commit(admin, 'input[name="task-due"]', 'P3D');
    await admin.getByRole('tab', { name: '表单' }).click();
    await admin.locator('.ff-field-item[data-field="/days"] .ff-field-pick').click();
    await commit(admin, 'input[name="field-label-zh"]', '请假天数（天）');
    await admin.getByRole('tab', { name: '版本与发布' }).click();
    expect(await textOf(admin.locator('.ff-diff'), 'leaderApproval (due)')).toContain('leaderApproval (due)');
    expect(await textOf(admin.locator('.ff-diff'), 'cadre-leave.request/days')).toContain(
      'cadre-leave.request/days',
    );
    await shot(admin, 'designer-08b-diff');
  });

  it('given the published flow, when a cadre starts a case and fills the request in her inbox, then it goes to the secretary', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'head101');
    await page.getByRole('link', { name: '发起', exact: true }).click();
    await page.getByRole('link', { name: /干部请假/ }).click();
    await page.getByRole('button', { name: /提交申请/ }).click();
    await page.getByText(/已发起，案件编号/).waitFor();
    await page.goto(`${server.url}/inbox`);
    await page.getByRole('link', { name: /填写请假申请/ }).click();
    await page.locator('#root_reason').fill('家中老人住院，需要陪护。');
    await page.locator('#root_days').fill('3');
    await shot(page, 'designer-09-cadre-request');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByText('已提交：提交').waitFor();

    const secretary = (await newPerson(browser)).page;
    await signIn(secretary, server.url, 'sec1');
    await secretary.getByRole('link', { name: /支部书记审核/ }).click();
    await secretary.getByRole('button', { name: '提交', exact: true }).click();
    await secretary.getByText('已提交：提交').waitFor();
  });

  it('given the review is done, when the leader approves, then the case has ended', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'leader1');
    await page.getByRole('link', { name: /区领导审批/ }).click();
    const caseLink = page.getByRole('link', { name: /查看案件全貌/ });
    const caseUrl = (await caseLink.getAttribute('href'))!;
    await page.getByRole('button', { name: '同意', exact: true }).click();
    await page.getByText('已提交：同意').waitFor();
    await page.goto(`${server.url}${caseUrl}`);
    await page.getByRole('heading', { name: '办理记录' }).waitFor();
    await shot(page, 'designer-10-case-ended');
    expect(await isShown(page.getByText('已办结').first())).toBe(true);
    await page.getByRole('heading', { name: '表单数据' }).waitFor();
    expect(await isShown(page.getByText('家中老人住院，需要陪护。').first())).toBe(true);
    await shot(page, 'designer-10-case-ended');
  });

  it('given a 360 px phone, when the administrator opens the designer, then it stacks without sideways scrolling', async () => {
    const { page } = await newPerson(browser, { width: 360, height: 780 });
    await signIn(page, server.url, 'admin');
    await page.goto(`${server.url}/designer/${KEY}`);
    await page.locator('.react-flow__node[data-id="request"]').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'designer-11-phone');
  });
});
