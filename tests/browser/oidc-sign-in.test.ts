import { createServer } from 'node:net';
import { startOidcTestProvider, TEST_OIDC_CLIENT } from '@flowform/server/testing/oidc-provider';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebApp, startAppServer } from './support/app-server';
import { launchBrowser, newPerson, scrollsSideways, shot } from './support/browser';
import { isShown } from './support/wait-for';

const NARROW = { width: 360, height: 740 };

/** A free port of 127.0.0.1, so the provider can know the callback before the server starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The organisation's provider (a real `oidc-provider` on 127.0.0.1) configured through the environment. */
describe('sign-in with the organisation account in the browser', { timeout: 120_000 }, () => {
  let web: Awaited<ReturnType<typeof buildWebApp>>;
  let provider: Awaited<ReturnType<typeof startOidcTestProvider>>;
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let plain: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;

  beforeAll(async () => {
    web = await buildWebApp();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    provider = await startOidcTestProvider(`${url}/api/auth/oidc/callback`, {
      'emp-0001': { preferred_username: 'sec1', name: '一支部书记' },
      'emp-9999': { preferred_username: 'stranger', name: '外单位人员' },
    });
    server = await startAppServer(web.dir, 'demo', {
      env: {
        PORT: String(port),
        FLOWFORM_PUBLIC_URL: url,
        FLOWFORM_OIDC_ISSUER: provider.issuer,
        FLOWFORM_OIDC_CLIENT_ID: TEST_OIDC_CLIENT.clientId,
        FLOWFORM_OIDC_CLIENT_SECRET: TEST_OIDC_CLIENT.clientSecret,
      },
    });
    plain = await startAppServer(web.dir, 'demo');
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await plain?.close();
    await provider?.close();
    await web?.remove();
  });

  /** At the provider's own login form: any login is an account there. */
  async function signInAtProvider(page: Page, login: string) {
    await page.locator('input[name=login]').fill(login);
    await page.locator('input[name=password]').fill('at-the-provider');
    await page.locator('button[type=submit]').click();
  }

  it('given no provider configured, when the login page shows, then there is no organisation button', async () => {
    const { page } = await newPerson(browser);
    await page.goto(`${plain.url}/`);
    await page.locator('input[name=username]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: '使用单位账号登录' }).count()).toBe(0);
  });

  it('given a provider, when sec1 presses the organisation button and signs in there, then the app opens as sec1 (desktop, zh-CN)', async () => {
    const { page } = await newPerson(browser);
    await page.goto(`${server.url}/`);
    const button = page.getByRole('link', { name: '使用单位账号登录' });
    expect(await isShown(button)).toBe(true);
    await shot(page, 'oidc-login-1280-zh');
    await button.click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await signInAtProvider(page, 'emp-0001');
    expect(await isShown(page.locator('.app-header'))).toBe(true);
    expect(new URL(page.url()).origin).toBe(server.url);
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    expect(me.username).toBe('sec1');
  });

  it('given an account the directory does not know, when it comes back, then the login page says so (360 px, English)', async () => {
    const { context, page } = await newPerson(browser, NARROW, 'en');
    await context.addInitScript(() => localStorage.setItem('flowform.locale', 'en'));
    await page.goto(`${server.url}/`);
    const button = page.getByRole('link', { name: 'Sign in with organisation account' });
    expect(await isShown(button)).toBe(true);
    await button.click();
    await signInAtProvider(page, 'emp-9999');
    expect(await isShown(page.getByText('This organisation account has no user here'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('.app-header').count()).toBe(0);
    expect(await scrollsSideways(page)).toBe(false);
    await shot(page, 'oidc-unknown-user-360-en');
  });
});
