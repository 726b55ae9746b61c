import { join } from 'node:path';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import {
  cspViolations,
  DESKTOP,
  launchBrowser,
  newPerson,
  scrollsSideways,
  shot,
  signIn,
} from './support/browser';
import { countOf, isShown, textOf } from './support/wait-for';

const NARROW = { width: 360, height: 780 };
const WORDS = {
  'zh-CN': {
    current: '当前步骤',
    passed: '已经过',
    rejectedHere: '未批准于此',
    rejected: '未批准',
    visit: '入户核实',
    branch: '支部审批',
    timer: '下一次定时：「支部审批帮扶」办理期限',
    picked: '「入户核实」的办理记录已在下方标出。',
    visitRecord: '入户走访核实',
    show: '显示流程图',
    again: '再次提交',
    againNote: '已按上一次的申请填好',
    submit: /提交申请/,
    started: /已发起，案件编号/,
  },
  en: {
    current: 'Current step',
    passed: 'Passed',
    rejectedHere: 'Rejected here',
    rejected: 'Rejected',
    visit: 'Home visit',
    branch: 'Branch approval',
    timer: 'Next timer: “Branch approves the assistance” is due',
    picked: 'The record of “Home visit” is marked below.',
    visitRecord: 'Visit the family and verify',
    show: 'Show the graph',
    again: 'Submit again',
    againNote: 'Filled in from your earlier application',
    submit: /Submit/,
    started: /Started|case number/i,
  },
} as const;

/** The canvas alone at full size, to look at the nodes' words. */
const canvasShot = (graph: Locator, name: string) =>
  graph.screenshot({ path: join(import.meta.dirname, '../../test-results/browser', `${name}.png`) });

const combos = (['zh-CN', 'en'] as const).flatMap((locale) =>
  (
    [
      ['desktop', DESKTOP],
      ['phone360', NARROW],
    ] as const
  ).map(([device, viewport]) => [locale, device, viewport] as const),
);

/**
 * The case graph on the case page: the designer's canvas, read-only, with the path a hardship case
 * took (the home visit passed, the branch approval current, or the branch approval marked as where
 * it was rejected and the 未批准 end reached); a click on a step marks its record; on a 360 px phone
 * the step list with a button for the canvas. Also the next timer line, and 再次提交 on the rejected
 * case filling a new application from the old one — in Chinese and English.
 */
describe('the case graph, the next timer and submit again, in the browser', { timeout: 180_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let running = '';
  let rejected = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    const api = apiClient(server.url);
    const start = async () =>
      (
        await api.call<{ id: string }>('head103', 'POST', '/api/instances', {
          definitionKey: 'hardship-assistance',
          data: samples.application({ patch: 'patch-2', amountRequested: 3000 }),
        })
      ).id;
    const visit = async (id: string) =>
      api.call('com1a', 'POST', `/api/tasks/${await api.taskAt('com1a', id, 'homeVisit')}/complete`, {
        outcome: 'submit',
        data: samples.homeVisit(),
      });
    running = await start();
    await visit(running);
    rejected = await start();
    await visit(rejected);
    await api.call(
      'sec1',
      'POST',
      `/api/tasks/${await api.taskAt('sec1', rejected, 'branchApproval')}/complete`,
      {
        outcome: 'reject',
        comment: '家庭人均收入超过帮扶标准。',
      },
    );
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  const open = async (locale: 'zh-CN' | 'en', viewport: { width: number; height: number }, id: string) => {
    const person = await newPerson(browser, viewport, locale);
    if (locale === 'en')
      await person.context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await signIn(person.page, server.url, 'head103');
    await person.page.goto(`${server.url}/cases/${id}`);
    return person;
  };

  it.each(combos)(
    'given a hardship case at the branch approval, when the applicant opens it in %s on %s, then the graph shows the path and the current step, and the next timer shows',
    async (locale, device, viewport) => {
      const words = WORDS[locale];
      const { context, page } = await open(locale, viewport, running);
      expect(await textOf(page.locator('.next-timer'), words.timer)).toContain(words.timer);
      if (device === 'phone360') {
        // the list first (it reads top to bottom), the canvas on request
        expect(await textOf(page.locator('.diagram .step-current'), words.branch)).toContain(words.current);
        await shot(page, `graph-running-list-${device}-${locale}`);
        await page.getByRole('button', { name: words.show }).click();
      }
      const graph = page.locator('.case-graph');
      await graph.waitFor();
      const current = await textOf(graph.locator('.ff-node.is-current'), words.branch);
      expect(current).toContain(words.current);
      expect(await textOf(graph.locator('.ff-node.is-visited'), words.visit)).toContain(words.passed);
      expect(await countOf(graph.locator('.ff-node.is-current'), 1)).toBe(1);
      // the start edge and the home visit's edge to the branch approval
      expect(await countOf(graph.locator('.react-flow__edge.edge-walked'), 2)).toBe(2);
      expect(await graph.locator('.ff-node.is-rejected').count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `graph-running-${device}-${locale}`);
      await canvasShot(graph, `graph-running-canvas-${device}-${locale}`);

      await graph.locator('.ff-node', { hasText: words.visit }).click();
      expect(await textOf(page.locator('.case-graph-pick'), words.picked)).toContain(words.picked);
      const picked = page.locator('.step-record.is-picked');
      expect(await textOf(picked, words.visitRecord)).toContain(words.visitRecord);
      expect(await countOf(picked, 1)).toBe(1);
      // Focus follows the pick in an effect after the record is marked: wait for it (≤ 5 s).
      await page
        .waitForFunction(() => document.activeElement?.classList.contains('is-picked'), null, {
          timeout: 5000,
        })
        .catch(() => undefined);
      expect(await picked.evaluate((el) => el === document.activeElement)).toBe(true);
      await shot(page, `graph-picked-${device}-${locale}`, false);
      expect(await cspViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it.each(combos)(
    'given a case rejected at the branch, when the applicant opens it in %s on %s, then the rejecting step and the end are marked rejected, never passed',
    async (locale, device, viewport) => {
      const words = WORDS[locale];
      const { context, page } = await open(locale, viewport, rejected);
      if (device === 'phone360') await page.getByRole('button', { name: words.show }).click();
      const graph = page.locator('.case-graph');
      await graph.waitFor();
      expect(await countOf(graph.locator('.ff-node.is-rejected'), 2)).toBe(2);
      const step = await textOf(
        graph.locator('.ff-node.is-rejected', { hasText: words.branch }),
        words.rejectedHere,
      );
      expect(step).toContain(words.rejectedHere);
      expect(step).not.toContain(words.passed);
      // the end reached is named by its outcome, not by its id
      const end = await textOf(graph.locator('.ff-node-end.is-rejected'), words.rejected);
      expect(end).toContain(words.rejected);
      expect(end).not.toMatch(/\brejected\b/);
      expect(await graph.locator('.ff-node.is-current').count()).toBe(0);
      expect(await page.locator('.next-timer').count()).toBe(0);
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `graph-rejected-${device}-${locale}`);
      await canvasShot(graph, `graph-rejected-canvas-${device}-${locale}`);
      await context.close();
    },
  );

  it.each(combos)(
    'given the rejected case, when its applicant presses submit again in %s on %s, then a new application is filled from the old one and, changed, it starts',
    async (locale, device, viewport) => {
      const words = WORDS[locale];
      const { context, page } = await open(locale, viewport, rejected);
      await page.getByRole('link', { name: words.again }).click();
      expect(await isShown(page.getByText(words.againNote))).toBe(true);
      expect(await page.locator('#root_beneficiaryName').inputValue()).toBe('王桂芳');
      expect(await page.locator('#root_amountRequested').inputValue()).toBe('3000');
      expect(await page.locator('#root_address').inputValue()).toBe('油建小区3栋2单元101');
      expect(await scrollsSideways(page)).toBe(false);
      await shot(page, `again-filled-${device}-${locale}`);
      await page.locator('#root_amountRequested').fill('1500');
      await page.getByRole('button', { name: words.submit }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/cases/') && !url.pathname.endsWith(rejected));
      const started = await apiClient(server.url).call<{
        id: string;
        data: Record<string, unknown>;
        status: string;
      }>('head103', 'GET', `/api/instances/${page.url().split('/cases/')[1]}`);
      expect(started.status).toBe('running');
      expect(started.data).toMatchObject({ beneficiaryName: '王桂芳', amountRequested: 1500 });
      expect(started.data).not.toHaveProperty('opinion');
      await shot(page, `again-started-${device}-${locale}`);
      await context.close();
    },
  );
});
