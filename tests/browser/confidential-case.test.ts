import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, samples } from './support/api-client';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, shot, signIn } from './support/browser';
import { isShown } from './support/wait-for';

/** 责任追究 cases are confidential: outsiders get "not found", exactly as for a case that does not exist. */
describe('a confidential accountability case in the browser', { timeout: 90_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let caseId = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir);
    browser = await launchBrowser();
    const api = apiClient(server.url);
    const started = await api.call<{ id: string }>('insp1', 'POST', '/api/instances', {
      definitionKey: 'accountability-investigation',
      data: samples.accountabilityReport(),
    });
    caseId = started.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  it('given a worker outside the case, when he opens it by URL, then it is simply not found', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'w001');
    await page.goto(`${server.url}/cases/${caseId}`);
    expect(await isShown(page.getByText('未找到，或你无权查看。'))).toBe(true);
    expect(await page.getByText('夜班巡井记录漏填三次').count()).toBe(0);
    expect(await page.getByText('责任追究').count()).toBe(0);
    await shot(page, 'case-confidential-outsider-desktop-zh');
  });

  it('given the inspector who reported it, when he opens it, then he sees it marked confidential', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, server.url, 'insp1');
    await page.goto(`${server.url}/cases/${caseId}`);
    expect(await isShown(page.getByRole('heading', { name: '责任追究' }))).toBe(true);
    expect(await isShown(page.getByText('保密案件').first())).toBe(true);
  });
});
