import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStep, canonical, commit, exportedText } from './designer-helpers';
import { buildWebApp, startAppServer } from './support/app-server';
import { cspViolations, launchBrowser, newPerson, scrollsSideways, shot, signIn } from './support/browser';
import { countOf, isShown, textOf } from './support/wait-for';

const ROOT = join(import.meta.dirname, '../..');

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const parentOf = (id: string) => (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : '');

function countStates(states: Record<string, { states?: Record<string, unknown> }>): number {
  return Object.values(states).reduce((n, s) => n + 1 + countStates((s.states ?? {}) as never), 0);
}

async function shippedBundle(key: string) {
  const definition = JSON.parse(await readFile(join(ROOT, 'workflows', `${key}.json`), 'utf8'));
  const forms: Record<string, unknown> = {};
  for (const file of await readdir(join(ROOT, 'forms')))
    if (file.startsWith(`${key}.`)) {
      const form = JSON.parse(await readFile(join(ROOT, 'forms', file), 'utf8'));
      forms[form.key] = form;
    }
  return { definition, forms };
}

describe('editing in the designer', () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    admin = (await newPerson(browser)).page;
    admin.on('pageerror', (e) => console.log('PAGEERROR', e.stack));
    await signIn(admin, server.url, 'admin');
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given ten edits, when undone with Ctrl+Z and redone with Ctrl+Shift+Z, then the definition JSON is the same byte for byte', async () => {
    await admin.goto(`${server.url}/designer`);
    await admin.locator('#ff-new-key').fill('undo-check');
    await admin.locator('#ff-new-zh').fill('撤销检查');
    await admin.getByRole('button', { name: '创建' }).click();
    await admin.locator('.ff-canvas').waitFor();
    const before = await exportedText(admin);

    await addStep(admin, 'task'); // 1
    await commit(admin, 'input[name="state-id"]', 'draft'); // 2
    await commit(admin, 'input[name="task-title-zh"]', '起草'); // 3
    await admin.locator('select[name="assignee-kind"]').selectOption('initiator'); // 4
    await addStep(admin, 'task'); // 5
    await admin.locator('select[name="assignee-kind"]').selectOption('role'); // 6
    await admin.locator('select[name="assignee-unit"]').selectOption('branch-1'); // 7
    await addStep(admin, 'end'); // 8
    await commit(admin, 'input[name="state-name-zh"]', '完成'); // 9
    await admin.locator('.react-flow__node[data-id="draft"]').click();
    await admin.getByRole('button', { name: '添加结果' }).click(); // 10
    await countOf(admin.locator('.react-flow__node'), 4);
    const after = await exportedText(admin);
    expect(after).not.toBe(before);

    await admin.locator('.react-flow__pane').click();
    for (let i = 0; i < 10; i++) await admin.keyboard.press('Control+z');
    expect(await exportedText(admin)).toBe(before);
    await shot(admin, 'designer-12-undone');
    for (let i = 0; i < 10; i++) await admin.keyboard.press('Control+Shift+z');
    expect(await exportedText(admin)).toBe(after);
    await admin.locator('.ff-save-saved').waitFor();
  });

  it('given a BPMN file, when imported in the versions tab, then its report shows first and the replacement is one undoable step; Export BPMN downloads BPMN', async () => {
    await admin.goto(`${server.url}/designer`);
    await admin.locator('#ff-new-key').fill('bpmn-check');
    await admin.locator('#ff-new-zh').fill('BPMN 检查');
    await admin.getByRole('button', { name: '创建' }).click();
    await admin.locator('.ff-canvas').waitFor();
    const before = await exportedText(admin);
    await admin.getByRole('tab', { name: '版本与发布' }).click();
    const [download] = await Promise.all([
      admin.waitForEvent('download'),
      admin.getByRole('button', { name: '导出 BPMN' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bpmn-check.bpmn');
    const xml = await readFile((await download.path())!, 'utf8');
    expect(xml).toContain('<bpmn:process id="bpmn-check"');
    expect(xml).toContain('<bpmndi:BPMNShape');

    await admin
      .locator('label', { hasText: '导入 BPMN' })
      .locator('input[type="file"]')
      .setInputFiles(join(ROOT, 'packages/bpmn/src/fixtures/invoice-approval.bpmn'));
    const review = admin.locator('.ff-bpmn-review');
    await review.waitFor();
    const counts = '共 31 个元素：已映射 24，部分映射 2，未映射 5。';
    expect(await textOf(review.getByRole('status'), counts)).toContain(counts);
    expect(await isShown(review.locator('tr', { hasText: 'approveInvoice' }).getByText('已映射'))).toBe(true);
    await shot(admin, 'designer-15-bpmn-report');
    expect(await exportedText(admin)).toBe(before);

    await review.getByRole('button', { name: '用此草稿替换当前流程' }).click();
    expect(await isShown(admin.getByText('已用 BPMN 草稿替换，可撤销。'))).toBe(true);
    const replaced = JSON.parse(await exportedText(admin));
    expect(replaced.definition.key).toBe('bpmn-check');
    expect(Object.keys(replaced.definition.machine.states)).toContain('approveInvoice');
    await admin.getByRole('tab', { name: '流程图' }).click();
    expect(await countOf(admin.locator('.react-flow__node:not([data-id="__start"])'), 7)).toBe(7);
    await shot(admin, 'designer-16-bpmn-imported');
    await admin.locator('.react-flow__pane').click();
    await admin.keyboard.press('Control+z');
    expect(await exportedText(admin)).toBe(before);
    expect(await cspViolations(admin)).toEqual([]);

    const phone = (await newPerson(browser, { width: 360, height: 740 })).page;
    await signIn(phone, server.url, 'admin');
    await phone.goto(`${server.url}/designer/bpmn-check`);
    await phone.getByRole('tab', { name: '版本与发布' }).click();
    await phone
      .locator('label', { hasText: '导入 BPMN' })
      .locator('input[type="file"]')
      .setInputFiles(join(ROOT, 'packages/bpmn/src/fixtures/parallel-review.bpmn'));
    await phone.locator('.ff-bpmn-review').waitFor();
    expect(await scrollsSideways(phone)).toBe(false);
    await shot(phone, 'designer-17-bpmn-report-phone');
    await phone.context().close();
  }, 120_000);

  it('given a published process, when an English administrator on a 360 px phone presses Publish, then a confirmation names v2 and the running cases, and Cancel publishes nothing', async () => {
    const { context, page: phone } = await newPerson(browser, { width: 360, height: 740 }, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(phone, server.url, 'admin');
    await phone.goto(`${server.url}/designer/hardship-assistance`);
    await phone.getByRole('tab', { name: 'Versions' }).click();
    await phone.getByRole('button', { name: 'Publish a new version' }).click();
    const confirm = phone.getByRole('alertdialog');
    const text = await textOf(confirm, 'Publish as v2?');
    expect(text).toContain('The 0 running cases stay on their version; new cases use v2.');
    expect(await scrollsSideways(phone)).toBe(false);
    await shot(phone, 'designer-20-publish-confirm-phone-en');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await isShown(phone.getByRole('button', { name: 'Publish a new version' }))).toBe(true);
    expect(await phone.getByRole('alertdialog').count()).toBe(0);
    expect(await phone.getByText('Published as v2.').count()).toBe(0);
    await context.close();
  });

  it('given a guard, when the administrator edits it, then completion offers case fields and type errors show live', async () => {
    await admin.goto(`${server.url}/designer/hardship-assistance`);
    await admin.locator('.react-flow__node[data-id="branchApproval"]').click();
    await admin
      .locator('.ff-links')
      .getByRole('button', { name: /approve → leaderApproval/ })
      .click();
    const guard = admin.locator('textarea[name="guard"]');
    await guard.fill('data.approvedAmount > data.recom');
    expect(await admin.locator('.ff-suggest').textContent()).toContain('data.recommendedAmount');
    await admin.locator('.ff-suggest').getByRole('button', { name: 'data.recommendedAmount' }).click();
    expect(await guard.inputValue()).toBe('data.approvedAmount > data.recommendedAmount');
    expect(await admin.locator('.ff-cel .ff-ok').textContent()).toContain('bool');
    await guard.fill('data.approvedAmount > "5000"');
    expect(await admin.locator('.ff-cel .ff-error').textContent()).toMatch(/cel-/);
    await shot(admin, 'designer-13-guard-editor');
    await guard.press('Tab');
    expect(await isShown(admin.locator('.ff-problem', { hasText: 'cel-' }))).toBe(true);
    await admin.locator('.react-flow__pane').click();
    await admin.keyboard.press('Control+z');
    expect(await countOf(admin.locator('.ff-problem', { hasText: 'cel-' }), 0)).toBe(0);
  });

  it('given an end state, when the administrator sets how cases ending there ended, then the choice shows and one undo restores it', async () => {
    await admin.goto(`${server.url}/designer/hardship-assistance`);
    await admin.locator('.react-flow__node[data-id="rejected"]').click();
    const outcome = admin.locator('select[name="state-outcome"]');
    expect(await outcome.inputValue()).toBe('rejected');
    expect(await outcome.locator('option:checked').textContent()).toBe('未批准');
    await outcome.selectOption('withdrawn');
    expect(await outcome.inputValue()).toBe('withdrawn');
    await shot(admin, 'designer-19-end-outcome');
    await admin.locator('.react-flow__pane').click();
    await admin.keyboard.press('Control+z');
    await admin.locator('.react-flow__node[data-id="rejected"]').click();
    expect(await admin.locator('select[name="state-outcome"]').inputValue()).toBe('rejected');
  });

  it('given the English switch, when the designer shows a process, then its labels are in English', async () => {
    await admin.goto(`${server.url}/designer/hardship-assistance`);
    await admin.getByRole('button', { name: '切换语言为英文' }).click();
    expect(await isShown(admin.getByRole('tab', { name: 'Flow' }))).toBe(true);
    expect(await isShown(admin.locator('.react-flow__node[data-id="homeVisit"]').getByText('Task'))).toBe(
      true,
    );
    await shot(admin, 'designer-14-english');
    await admin.getByRole('button', { name: 'Switch language to Chinese' }).click();
  });

  it('given two selected steps, when copied and pasted, then copies with new ids appear and one undo removes them', async () => {
    await admin.goto(`${server.url}/designer/undo-check`);
    await admin.locator('.react-flow__node[data-id="draft"]').click();
    await admin.locator('.react-flow__node[data-id="task"]').click({ modifiers: ['Shift'] });
    expect(await isShown(admin.getByText('已选中 2 个元素。'))).toBe(true);
    await admin.keyboard.press('Control+c');
    await admin.keyboard.press('Control+v');
    expect(
      await countOf(
        admin.locator('.react-flow__node[data-id="draft2"], .react-flow__node[data-id="task2"]'),
        2,
      ),
    ).toBe(2);
    await shot(admin, 'designer-15-pasted');
    await admin.keyboard.press('Control+z');
    expect(await countOf(admin.locator('.react-flow__node[data-id="draft2"]'), 0)).toBe(0);
  });

  it('given a form with two fields, when the second is dragged above the first, then the order and the preview follow', async () => {
    await admin.goto(`${server.url}/designer/undo-check`);
    await admin.getByRole('tab', { name: '表单' }).click();
    await admin.getByRole('button', { name: '新建表单' }).click();
    await admin.locator('[data-field-kind="date"]').click();
    await admin.locator('[data-field-kind="select"]').click();
    await admin
      .locator('.ff-field-item[data-field="/select"]')
      .dragTo(admin.locator('.ff-field-item[data-field="/date"]'));
    expect(await admin.locator('.ff-field-item').first().getAttribute('data-field')).toBe('/select');
    const labels = await admin.locator('.ff-preview label').allInnerTexts();
    expect(labels.findIndex((l) => l.includes('单选'))).toBeLessThan(
      labels.findIndex((l) => l.includes('日期')),
    );
    await shot(admin, 'designer-16-form-order');
  });

  it('given a new field, when the administrator gives it an id, then the list follows and undo brings the old id back', async () => {
    await admin.locator('.ff-field-item[data-field="/date"]').click();
    await commit(admin, 'input[name="field-id"]', 'leaveOn');
    await admin.locator('.ff-field-item[data-field="/leaveOn"]').waitFor();
    expect(await admin.locator('input[name="field-id"]').inputValue()).toBe('leaveOn');
    await commit(admin, 'input[name="field-id"]', '1bad');
    await admin.locator('.banner-error', { hasText: "'1bad' is not a field id" }).waitFor();
    expect(await admin.locator('.ff-field-item[data-field="/leaveOn"]').count()).toBe(1);
    await admin.locator('.ff-toolbar').getByRole('button', { name: /撤销/ }).click();
    await admin.locator('.ff-field-item[data-field="/date"]').waitFor();
    await shot(admin, 'designer-16-field-id');
  });

  it('given a task, when a parallel block with a step in one branch and an end after the join is drawn, then it lays out as nested groups', async () => {
    await admin.goto(`${server.url}/designer`);
    await admin.locator('#ff-new-key').fill('parallel-check');
    await admin.locator('#ff-new-zh').fill('并行检查');
    await admin.getByRole('button', { name: '创建' }).click();
    await admin.locator('.ff-canvas').waitFor();
    await addStep(admin, 'task');
    await admin.locator('select[name="assignee-kind"]').selectOption('initiator');
    await addStep(admin, 'parallel');
    await admin.locator('.react-flow__node[data-id="parallel.branchA"] .ff-group-title').click();
    await addStep(admin, 'task');
    await admin.locator('select[name="assignee-kind"]').selectOption('initiatorSuperior');
    await admin.locator('.react-flow__node[data-id="parallel"] .ff-group-title').click();
    await addStep(admin, 'end');
    expect(await countOf(admin.locator('.react-flow__node'), 9)).toBe(9);
    const boxes = await admin.locator('.react-flow__node:not([data-id="__start"])').evaluateAll((nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { id: n.getAttribute('data-id')!, x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    );
    for (const a of boxes)
      for (const b of boxes)
        if (a.id < b.id && parentOf(a.id) === parentOf(b.id))
          expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    const bundle = JSON.parse(await exportedText(admin));
    expect(bundle.definition.machine.states.parallel.onDone).toBe('end');
    expect(bundle.definition.machine.states.parallel.states.branchA).toMatchObject({
      initial: 'task',
      states: { done: { type: 'final' }, task: { on: { submit: 'done' } } },
    });
    await shot(admin, 'designer-17-parallel');
    await admin.locator('.react-flow__node[data-id="task"]').click();
    await commit(admin, 'input[name="task-reminders"]', 'P2D');
    await admin.getByRole('tab', { name: '模拟运行' }).click();
    await admin.getByRole('button', { name: '遍历所有路径' }).click();
    await admin.locator('.ff-coverage-line').waitFor();
    await admin.locator('#ff-sim-starter').selectOption('head101');
    await admin.getByRole('button', { name: '开始模拟' }).click();
    await admin.getByRole('button', { name: /快进到下一个期限/ }).click();
    expect(await textOf(admin.locator('.ff-sim-log'), '定时触发（提醒）')).toContain('定时触发（提醒）');
    expect(await textOf(admin.locator('.ff-sim-clock'), '3月4日')).toContain('3月4日');
    await shot(admin, 'designer-18-fast-forward');
    expect(await cspViolations(admin)).toEqual([]);
  });

  const KEYS = [
    'accountability-investigation',
    'admonition-talk',
    'branch-secretary-reassignment',
    'hardship-assistance',
    'labour-competition',
    'quarterly-cadre-evaluation',
    'scrap-material-recovery',
    'supervision-bulletin',
  ];
  for (const key of KEYS) {
    it(`given the shipped ${key}, when opened, then every state is laid out without overlaps and export keeps its meaning`, async () => {
      const shipped = await shippedBundle(key);
      await admin.goto(`${server.url}/designer/${key}`);
      const expected = countStates(shipped.definition.machine.states);
      expect(await countOf(admin.locator('.react-flow__node:not([data-id="__start"])'), expected)).toBe(
        expected,
      );
      const boxes: Box[] = await admin
        .locator('.react-flow__node:not([data-id="__start"])')
        .evaluateAll((nodes) =>
          nodes.map((n) => {
            const r = n.getBoundingClientRect();
            return { id: n.getAttribute('data-id')!, x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
      for (const a of boxes)
        for (const b of boxes)
          if (a.id < b.id && parentOf(a.id) === parentOf(b.id))
            expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      await shot(admin, `designer-shipped-${key}`);

      const exported = JSON.parse(await exportedText(admin));
      expect(canonical(exported.definition)).toEqual(canonical(shipped.definition));
      expect(canonical(exported.forms)).toEqual(canonical(shipped.forms));
    });
  }
});
