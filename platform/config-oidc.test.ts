// The OIDC_* settings: console sign-in at the department's identity provider.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return (error as { problems: string[] }).problems;
  }
};

describe('OIDC settings', () => {
  it('are off unless set, and then name the callback on the public URL and the groups claim', () => {
    expect(loadConfig({}).oidc).toBeNull();
    const oidc = loadConfig({
      GATEWAY_PUBLIC_URL: 'https://gateway.example.gov.uk',
      OIDC_ISSUER: 'https://login.example.gov.uk/tenant/v2.0',
      OIDC_CLIENT_ID: 'gateway-console',
      OIDC_CLIENT_SECRET: 'a-secret-from-the-provider',
    }).oidc;
    expect(oidc).toMatchObject({
      issuer: 'https://login.example.gov.uk/tenant/v2.0',
      clientId: 'gateway-console',
      clientSecret: 'a-secret-from-the-provider',
      privateKeyFile: null,
      redirectUrl: 'https://gateway.example.gov.uk/console/sign-in/callback',
      groupsClaim: 'groups',
    });
  });

  it('take a private key file (private_key_jwt) instead of a secret, but not both and not neither', () => {
    const base = { OIDC_ISSUER: 'https://login.example.gov.uk', OIDC_CLIENT_ID: 'gateway-console' };
    expect(loadConfig({ ...base, OIDC_PRIVATE_KEY_FILE: '/etc/gw/oidc-key.pem' }).oidc?.privateKeyFile).toBe(
      '/etc/gw/oidc-key.pem',
    );
    expect(problemsOf({ ...base, OIDC_PRIVATE_KEY_FILE: '/k.pem', OIDC_CLIENT_SECRET: 's' })).toEqual([
      expect.stringMatching(/one of OIDC_CLIENT_SECRET and OIDC_PRIVATE_KEY_FILE/),
    ]);
    expect(problemsOf(base)).toEqual([expect.stringMatching(/one of OIDC_CLIENT_SECRET and OIDC_PRIVATE_KEY_FILE/)]);
  });

  it('refuse half a configuration, a plain-http provider off this host, and a redirect elsewhere than the callback', () => {
    expect(problemsOf({ OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 's' })).toEqual([
      expect.stringMatching(/OIDC_ISSUER and OIDC_CLIENT_ID go together/),
    ]);
    expect(
      problemsOf({ OIDC_ISSUER: 'http://login.example.gov.uk', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 's' }),
    ).toEqual([expect.stringMatching(/OIDC_ISSUER must be an https URL/)]);
    expect(problemsOf({ OIDC_ISSUER: 'http://127.0.0.1:8707', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 's' })).toEqual(
      [],
    );
    expect(
      problemsOf({
        OIDC_ISSUER: 'https://idp',
        OIDC_CLIENT_ID: 'x',
        OIDC_CLIENT_SECRET: 's',
        OIDC_REDIRECT_URL: 'https://evil.example/cb',
      }),
    ).toEqual([expect.stringMatching(/must end with \/console\/sign-in\/callback/)]);
  });
});
