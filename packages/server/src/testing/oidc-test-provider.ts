import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** Claims of an account at the test provider, by its login (the `sub`). */
export type TestOidcAccounts = Record<
  string,
  { preferred_username?: string; name?: string; phone_number?: string }
>;

/** The client the server under test is registered as. */
export const TEST_OIDC_CLIENT = { clientId: 'flowform-test', clientSecret: 'test-client-secret-not-real' };

/**
 * A real OpenID Connect provider (`oidc-provider`) on 127.0.0.1 at a free port, for tests: one
 * confidential client, PKCE required, its development login form (any login is an account; the
 * claims come from `accounts`), consent granted without asking. `signIn` plays the browser at the
 * provider: from the authorization URL through the login form to the redirect back to the client,
 * which it answers without following.
 */
export async function startOidcTestProvider(redirectUri: string, accounts: TestOidcAccounts) {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_OIDC_CLIENT.clientId,
        client_secret: TEST_OIDC_CLIENT.clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    claims: { openid: ['sub'], profile: ['preferred_username', 'name'], phone: ['phone_number'] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const claims = accounts[sub];
      return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
    },
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope('openid profile phone');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());

  /** The browser at the provider: signs in as `login`, answers where the provider sends it back. */
  async function signIn(authorizationUrl: string, login: string): Promise<URL> {
    const jar = new Map<string, string>();
    let url = new URL(authorizationUrl);
    let form: URLSearchParams | undefined;
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, {
        method: form ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
          ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        },
        body: form?.toString(),
      });
      form = undefined;
      for (const cookie of res.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const at = pair!.indexOf('=');
        jar.set(pair!.slice(0, at), pair!.slice(at + 1));
      }
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        const next = new URL(location, url);
        if (next.href.startsWith(redirectUri)) return next;
        url = next;
        continue;
      }
      const html = await res.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (res.status !== 200 || !action)
        throw new Error(`Provider answered ${res.status}: ${html.slice(0, 300)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url);
      form = new URLSearchParams({ prompt: 'login', login, password: 'any' });
    }
    throw new Error('The provider never sent the browser back');
  }

  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { issuer, signIn, close };
}
