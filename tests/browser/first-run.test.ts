import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, shot } from './support/browser';
import { isShown } from './support/wait-for';

/** A fresh install started without --demo: no demo accounts, one administrator with a one-time password. */
describe('a production first run in the browser', { timeout: 90_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  let oneTimePassword = '';

  beforeAll(async () => {
    web = await buildWebApp();
    server = await startAppServer(web.dir, 'admin');
    if (server.seeded?.kind !== 'admin') throw new Error('the first run created no administrator');
    oneTimePassword = server.seeded.admin.oneTimePassword;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await web?.remove();
  });

  const signIn = async (page: Awaited<ReturnType<typeof newPerson>>['page'], password: string) => {
    await page.goto(`${server.url}/`);
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(password);
    await page.locator('form button[type=submit]').click();
  };

  it('given admin and the demo password, when signing in, then it is refused and no demo account is listed', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, 'flowform');
    expect(await isShown(page.getByText('用户名或密码错误', { exact: false }))).toBe(true);
    expect(await page.getByText('leader1').count()).toBe(0);
  });

  it('given the printed one-time password, when admin signs in, then a new password must be chosen first, the policy speaks, and afterwards the app opens', async () => {
    const { page } = await newPerson(browser);
    await signIn(page, oneTimePassword);
    expect(await isShown(page.getByRole('heading', { name: '修改密码' }))).toBe(true);
    await page.locator('input[name=current]').fill(oneTimePassword);
    await page.locator('input[name=next]').fill('short');
    await page.locator('input[name=confirm]').fill('short');
    await page.locator('form button[type=submit]').click();
    expect(await isShown(page.getByText('密码至少需要 10 个字符'))).toBe(true);
    await shot(page, 'first-run-password-change-zh');

    await page.locator('input[name=next]').fill('Open-Valve-Station-9');
    await page.locator('input[name=confirm]').fill('Open-Valve-Station-9');
    await page.locator('form button[type=submit]').click();
    expect(await isShown(page.locator('.app-header'))).toBe(true);

    const again = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: oneTimePassword }),
    });
    expect(again.status).toBe(401);
  });
});
