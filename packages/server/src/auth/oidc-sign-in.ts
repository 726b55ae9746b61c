import * as client from 'openid-client';
import type { OidcConfig } from '../config/oidc-config';
import type { OidcChecks } from './oidc-pending-store';

/** Why a return from the provider was refused before any user was looked up. */
export class OidcRefusal extends Error {
  constructor(
    readonly code: 'oidc-state-mismatch' | 'oidc-failed',
    message: string,
  ) {
    super(message);
    this.name = 'OidcRefusal';
  }
}

/**
 * The relying-party side of the authorization-code flow, on `openid-client` (discovery, PKCE,
 * state, nonce, ID token validation). The provider's metadata is discovered on first use and kept;
 * a failed discovery is retried on the next sign-in. An http issuer is accepted only on this
 * machine (oidc-config.ts refuses it elsewhere), for tests.
 */
export class OidcSignIn {
  private discovered: Promise<client.Configuration> | undefined;

  constructor(private readonly config: OidcConfig) {}

  /** A new attempt: the provider's authorization URL and the checks its return must pass. */
  async begin(): Promise<{ url: URL; checks: OidcChecks }> {
    const configuration = await this.configuration();
    const checks: OidcChecks = {
      state: client.randomState(),
      nonce: client.randomNonce(),
      codeVerifier: client.randomPKCECodeVerifier(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scope,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, checks };
  }

  /**
   * The provider's answer `search` (the callback's query) checked against `checks`: state first
   * (before the code is spent), then the code exchanged with the PKCE verifier and the ID token's
   * signature, audience, issuer and nonce checked. Answers the configured claim's value, from the
   * ID token or else the userinfo endpoint.
   */
  async finish(
    search: URLSearchParams,
    checks: OidcChecks,
  ): Promise<{ subject: string; value: string | undefined }> {
    if (search.get('state') !== checks.state)
      throw new OidcRefusal('oidc-state-mismatch', 'The state returned by the provider is not the one sent');
    const error = search.get('error');
    if (error)
      throw new OidcRefusal(
        'oidc-failed',
        `The provider answered ${error}: ${search.get('error_description') ?? ''}`,
      );
    const configuration = await this.configuration();
    const currentUrl = new URL(this.config.redirectUri);
    currentUrl.search = search.toString();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The provider sent no ID token');
      let value = claims[this.config.claim];
      if (value === undefined)
        value = (await client.fetchUserInfo(configuration, tokens.access_token, claims.sub))[
          this.config.claim
        ];
      return { subject: claims.sub, value: typeof value === 'string' ? value : undefined };
    } catch (e) {
      throw new OidcRefusal('oidc-failed', describe(e));
    }
  }

  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(new URL(this.config.issuer), this.config.clientId, this.config.clientSecret, undefined, {
        execute: new URL(this.config.issuer).protocol === 'http:' ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.discovered = undefined;
        throw new OidcRefusal(
          'oidc-failed',
          `The provider's metadata could not be read: ${error instanceof Error ? error.message : error}`,
        );
      });
    return this.discovered;
  }
}

/** The library's message, with its cause's (which names the claim found wrong: `nonce`, `aud`, ...). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}
