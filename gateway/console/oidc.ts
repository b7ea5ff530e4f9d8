// The console as an OpenID Connect relying party, with openid-client (certified, maintained; OAuth is easy to get
// subtly wrong by hand). Authorisation code flow with PKCE (S256), state and nonce. The provider's metadata is
// discovered on first use and kept; a failed discovery is tried again at the next sign-in.
import fs from 'node:fs';
import { importJWK, importPKCS8 } from 'jose';
import * as oidc from 'openid-client';
import type { OidcSettings } from '../../platform/config.ts';

/** What a sign-in carries from leaving for the provider to coming back; kept server-side, named by a cookie. */
export interface SignInSecrets {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** What the provider vouched for: the subject, the groups it lists, and a name to greet them by (never logged). */
export interface SignedInPerson {
  subject: string;
  groups: string[];
  name: string | null;
}

/** The provider refused, could not be reached, or its answer failed a check (state, PKCE, nonce, signature). */
export class SignInFailed extends Error {
  constructor(
    readonly reason: 'provider-error' | 'provider-unreachable' | 'response-invalid' | 'code-exchange-failed',
    message: string,
  ) {
    super(message);
  }
}

const loopback = (url: URL) =>
  url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);

async function clientAuthentication(settings: OidcSettings): Promise<oidc.ClientAuth> {
  if (settings.clientSecret) return oidc.ClientSecretBasic(settings.clientSecret);
  // private_key_jwt: a JWK (its kid tells the provider which registered key to check with) or a PKCS#8 PEM, ES256.
  const text = fs.readFileSync(settings.privateKeyFile!, 'utf8');
  if (text.trimStart().startsWith('{')) {
    const jwk = JSON.parse(text) as { alg?: string; kid?: string };
    const key = (await importJWK(jwk, jwk.alg ?? 'ES256')) as CryptoKey;
    return oidc.PrivateKeyJwt(jwk.kid ? { key, kid: jwk.kid } : key);
  }
  return oidc.PrivateKeyJwt(await importPKCS8(text, 'ES256'));
}

export function createRelyingParty(settings: OidcSettings) {
  let configuration: Promise<oidc.Configuration> | null = null;
  const issuer = new URL(settings.issuer);

  function discover(): Promise<oidc.Configuration> {
    configuration ??= (async () => {
      // Config allows plain http only for a provider on this host (the sandbox's, or a test's).
      const execute = issuer.protocol === 'http:' && loopback(issuer) ? [oidc.allowInsecureRequests] : [];
      return oidc.discovery(issuer, settings.clientId, undefined, await clientAuthentication(settings), {
        execute,
        timeout: 5,
      });
    })();
    configuration.catch(() => {
      configuration = null;
    });
    return configuration;
  }

  return {
    providerName: settings.providerName,

    /** Where to send the browser, and the secrets to keep until it comes back. */
    async begin(): Promise<{ url: URL; secrets: SignInSecrets }> {
      let config: oidc.Configuration;
      try {
        config = await discover();
      } catch (error) {
        throw new SignInFailed('provider-unreachable', `discovery failed: ${(error as Error).message}`);
      }
      const secrets = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier: oidc.randomPKCECodeVerifier(),
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUrl,
        scope: 'openid profile',
        response_type: 'code',
        state: secrets.state,
        nonce: secrets.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(secrets.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url, secrets };
    },

    /** Checks the provider's answer against the secrets, redeems the code and reads the ID token. */
    async finish(query: string, secrets: SignInSecrets): Promise<SignedInPerson> {
      const config = await discover().catch((error: Error) => {
        throw new SignInFailed('provider-unreachable', error.message);
      });
      const current = new URL(settings.redirectUrl);
      current.search = query;
      let tokens;
      try {
        tokens = await oidc.authorizationCodeGrant(config, current, {
          expectedState: secrets.state,
          expectedNonce: secrets.nonce,
          pkceCodeVerifier: secrets.codeVerifier,
          idTokenExpected: true,
        });
      } catch (error) {
        const e = error as { name?: string; error?: string; message?: string };
        // An error the provider put in the redirect (e.g. access_denied); the token endpoint refusing the code (a
        // PKCE verifier that does not match, a code used twice); the provider gone; any other check failing
        // (state, nonce, issuer, audience, signature).
        if (e.name === 'AuthorizationResponseError')
          throw new SignInFailed('provider-error', `the provider answered ${e.error}`);
        if (e.name === 'ResponseBodyError')
          throw new SignInFailed('code-exchange-failed', `the token endpoint refused the code: ${e.error}`);
        if (error instanceof TypeError || e.name === 'TimeoutError' || e.name === 'AbortError')
          throw new SignInFailed('provider-unreachable', e.message ?? 'unreachable');
        throw new SignInFailed('response-invalid', e.message ?? 'the answer failed a check');
      }
      const claims = tokens.claims()!;
      const raw = claims[settings.groupsClaim];
      const groups = Array.isArray(raw)
        ? raw.filter((g): g is string => typeof g === 'string' && g.length > 0 && g.length <= 256)
        : [];
      const name =
        typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim().slice(0, 200) : null;
      return { subject: claims.sub, groups, name };
    },
  };
}
export type RelyingParty = ReturnType<typeof createRelyingParty>;
