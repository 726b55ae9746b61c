import { describe, expect, it } from 'vitest';
import { oidcConfig } from './oidc-config';

const PUBLIC = 'https://flowform.example.org';

describe('OpenID Connect settings', () => {
  it('given nothing set, when read, then there is no organisation sign-in', () => {
    expect(oidcConfig({}, undefined, PUBLIC)).toBeUndefined();
    expect(oidcConfig({}, {}, PUBLIC)).toBeUndefined();
  });

  it('given the config file, when read, then the defaults fill the rest and the callback hangs off the public URL', () => {
    const config = oidcConfig(
      {},
      { issuer: 'https://sso.example.org/realms/d', clientId: 'ff', clientSecret: 's' },
      PUBLIC,
    );
    expect(config).toEqual({
      issuer: 'https://sso.example.org/realms/d',
      clientId: 'ff',
      clientSecret: 's',
      claim: 'preferred_username',
      matchField: 'username',
      scope: 'openid profile',
      redirectUri: 'https://flowform.example.org/api/auth/oidc/callback',
    });
  });

  it('given the environment, when read, then it wins over the file (the secret need not be in the file)', () => {
    const config = oidcConfig(
      { FLOWFORM_OIDC_CLIENT_SECRET: 'from-env', FLOWFORM_OIDC_CLAIM: 'employee_no' },
      { issuer: 'https://sso.example.org', clientId: 'ff', clientSecret: 'from-file' },
      PUBLIC,
    );
    expect(config?.clientSecret).toBe('from-env');
    expect(config?.claim).toBe('employee_no');
  });

  it('given half the settings, when read, then the error names what is missing', () => {
    expect(() => oidcConfig({ FLOWFORM_OIDC_ISSUER: 'https://sso.example.org' }, undefined, PUBLIC)).toThrow(
      /clientId, clientSecret missing/,
    );
  });

  it('given an http issuer, when read, then it is refused unless it is on this machine', () => {
    const file = { clientId: 'ff', clientSecret: 's' };
    expect(() => oidcConfig({}, { ...file, issuer: 'http://sso.example.org' }, PUBLIC)).toThrow(
      /must be https/,
    );
    expect(oidcConfig({}, { ...file, issuer: 'http://127.0.0.1:4000' }, PUBLIC)?.issuer).toBe(
      'http://127.0.0.1:4000',
    );
  });

  it('given matching by phone, when read, then the phone field and the chosen claim are used', () => {
    const file = {
      issuer: 'https://sso.example.org',
      clientId: 'ff',
      clientSecret: 's',
      matchField: 'phone',
    };
    const config = oidcConfig({ FLOWFORM_OIDC_CLAIM: 'phone_number' }, file, PUBLIC);
    expect(config).toMatchObject({ matchField: 'phone', claim: 'phone_number' });
  });

  it('given a match field the directory does not have, when read, then it is refused by name', () => {
    const file = {
      issuer: 'https://sso.example.org',
      clientId: 'ff',
      clientSecret: 's',
      matchField: 'email',
    };
    expect(() => oidcConfig({}, file, PUBLIC)).toThrow(/Unknown OpenID Connect matchField 'email'/);
  });
});
