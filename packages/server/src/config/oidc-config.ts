/** Which directory field the provider's claim is compared with. */
export type OidcMatchField = 'username' | 'phone';

/** Sign-in through the organisation's OpenID Connect provider (absent: password sign-in only). */
export interface OidcConfig {
  /** The issuer URL; its `/.well-known/openid-configuration` is read on the first sign-in. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token or userinfo claim that names the person (default `preferred_username`). */
  claim: string;
  /** The directory field the claim's value must equal (default `username`; `phone` with e.g. `phone_number`). */
  matchField: OidcMatchField;
  /** Scopes asked for (default `openid profile`). */
  scope: string;
  /** Where the provider sends the browser back: the public URL's `/api/auth/oidc/callback`. */
  redirectUri: string;
}

/** The config file's `oidc` object. */
export interface OidcFileSettings {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  claim?: string;
  matchField?: string;
  scope?: string;
}

const MATCH_FIELDS: readonly OidcMatchField[] = ['username', 'phone'];

/**
 * OpenID Connect settings: FLOWFORM_OIDC_ISSUER, FLOWFORM_OIDC_CLIENT_ID, FLOWFORM_OIDC_CLIENT_SECRET,
 * FLOWFORM_OIDC_CLAIM, FLOWFORM_OIDC_MATCH_FIELD and FLOWFORM_OIDC_SCOPE, each over the config
 * file's `oidc` object. None set: undefined (no organisation sign-in). Half set: an error naming what
 * is missing. The issuer must be https, except on this machine (127.0.0.1, ::1, localhost) for tests.
 */
export function oidcConfig(
  env: NodeJS.ProcessEnv,
  file: OidcFileSettings | undefined,
  publicUrl: string,
): OidcConfig | undefined {
  const issuer = env.FLOWFORM_OIDC_ISSUER ?? file?.issuer;
  const clientId = env.FLOWFORM_OIDC_CLIENT_ID ?? file?.clientId;
  const clientSecret = env.FLOWFORM_OIDC_CLIENT_SECRET ?? file?.clientSecret;
  if (issuer === undefined && clientId === undefined && clientSecret === undefined) return undefined;
  const missing = Object.entries({ issuer, clientId, clientSecret })
    .filter(([, value]) => !value)
    .map(([name]) => name);
  if (missing.length > 0)
    throw new Error(
      `OpenID Connect sign-in needs issuer, clientId and clientSecret: ${missing.join(', ')} missing`,
    );
  const url = new URL(issuer!);
  const loopback = ['127.0.0.1', '[::1]', 'localhost'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    throw new Error(`The OpenID Connect issuer must be https: ${issuer}`);
  const matchField = env.FLOWFORM_OIDC_MATCH_FIELD ?? file?.matchField ?? 'username';
  if (!MATCH_FIELDS.includes(matchField as OidcMatchField))
    throw new Error(`Unknown OpenID Connect matchField '${matchField}': one of ${MATCH_FIELDS.join(', ')}`);
  return {
    issuer: issuer!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    claim: env.FLOWFORM_OIDC_CLAIM ?? file?.claim ?? 'preferred_username',
    matchField: matchField as OidcMatchField,
    scope: env.FLOWFORM_OIDC_SCOPE ?? file?.scope ?? 'openid profile',
    redirectUri: new URL('/api/auth/oidc/callback', publicUrl).href,
  };
}
