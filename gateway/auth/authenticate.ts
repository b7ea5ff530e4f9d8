// Bearer JWTs signed with a registered client's own key (RFC 7523 style): the key id names the client's key,
// iss and sub must be that client, aud the gateway. Roles and party come from the register of clients,
// never from the token, so a token cannot grant itself more.
import { decodeProtectedHeader, importJWK, jwtVerify, type CryptoKey, type KeyObject } from 'jose';
import { GatewayError } from '../http/problem.ts';
import { bearerCredentials } from './bearer.ts';
import type { Principal } from './principal.ts';
import { isWellFormedKid, type ClientKey, type ClientStore, type Client } from './client-store.ts';
import { expiringCache } from './verified-cache.ts';

const allowedAlgs = ['ES256', 'EdDSA'];

export interface AuthOptions {
  audience: string;
  maxAgeSeconds: number;
  /** How long a client key (and a token verified with it) is trusted before the register is asked again; 0 = never cache. */
  cacheSeconds?: number;
  now?: () => number;
}

interface TrustedKey { key: ClientKey & { client: Client }; verifier: CryptoKey | KeyObject | Uint8Array }

export function createAuthenticator(clients: Pick<ClientStore, 'keyById'>, options: AuthOptions) {
  const ttlMs = (options.cacheSeconds ?? 30) * 1000;
  const now = options.now ?? Date.now;
  const keys = expiringCache<TrustedKey>(10_000);
  const verified = expiringCache<Principal>(50_000);

  async function trustedKey(kid: string): Promise<TrustedKey | null> {
    const cached = ttlMs > 0 ? keys.get(kid, now()) : undefined;
    if (cached) return cached;
    const key = await clients.keyById(kid);
    if (!key) return null;
    const trusted = { key, verifier: await importJWK(key.publicJwk, key.alg) };
    if (ttlMs > 0) keys.set(kid, trusted, now() + ttlMs);
    return trusted;
  }

  return async function authenticate(authorization: string | undefined): Promise<Principal> {
    const token = bearerCredentials(authorization);
    if (!token) throw unauthenticated('Send a bearer token: Authorization: Bearer <JWT>');
    if (!/^[A-Za-z0-9_.-]+$/.test(token)) throw unauthenticated('The token is not a well-formed JWT');
    const known = ttlMs > 0 ? verified.get(token, now()) : undefined;
    if (known) return known;
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw unauthenticated('The token is not a well-formed JWT');
    }
    if (typeof header.alg !== 'string' || !allowedAlgs.includes(header.alg)) {
      throw unauthenticated(`Tokens must be signed with ${allowedAlgs.join(' or ')}`);
    }
    if (typeof header.kid !== 'string') throw unauthenticated('The token has no key id (kid)');
    if (!isWellFormedKid(header.kid)) throw unauthenticated('The token key id (kid) is not one the gateway could know: 1 to 128 visible ASCII characters');
    const trusted = await trustedKey(header.kid);
    if (!trusted) throw unauthenticated('The token was signed with a key the gateway does not know');
    const { key } = trusted;
    if (key.alg !== header.alg) throw unauthenticated('The token algorithm does not match the registered key');
    let claims: { exp?: number; iat?: number };
    try {
      ({ payload: claims } = await jwtVerify(token, trusted.verifier, {
        algorithms: [key.alg],
        issuer: key.clientId,
        subject: key.clientId,
        audience: options.audience,
        maxTokenAge: options.maxAgeSeconds,
        requiredClaims: ['exp', 'iat'],
        currentDate: new Date(now()),
      }));
    } catch (error) {
      throw unauthenticated(describe(error as { code?: string; claim?: string }));
    }
    const principal = { clientId: key.clientId, party: key.client.party, roles: key.client.roles };
    if (ttlMs > 0) {
      // The same token is trusted again only while it would still verify: before its expiry and its maximum age.
      verified.set(token, principal, Math.min(now() + ttlMs, claims.exp! * 1000, (claims.iat! + options.maxAgeSeconds) * 1000));
    }
    return principal;
  };
}

function describe(error: { code?: string; claim?: string }): string {
  switch (error.code) {
    case 'ERR_JWT_EXPIRED': return 'The token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return error.claim === 'iss' || error.claim === 'sub'
        ? 'The token issuer must be the client that owns the signing key'
        : `The token ${error.claim ?? 'claims'} claim is not acceptable`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED': return 'The token signature does not verify';
    default: return 'The token is not valid';
  }
}

function unauthenticated(detail: string) {
  return new GatewayError('unauthenticated', detail);
}
