// Bearer JWTs signed with a registered client's own key (RFC 7523 style, as OpenID Connect's private_key_jwt):
// iss and sub must be the client, aud the gateway, and the key one the client register holds for it now, inline or
// at its jwks_uri. Roles and party come from the register, never from the token, so a token cannot grant itself more.
//
// Caches, and why they cannot outlive a change: clients (with their key sets) and verified tokens are kept for
// `cacheSeconds`, but every `registerPollMs` the register's generation (moved by the database on every change to
// any client) is read, and a new generation empties both. So a suspension, disablement or revoked key made by any
// gateway process is refused by every process within that time; the process that made it forgets at once.
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { GatewayError } from '../../platform/http/problem.ts';
import type { AddressThrottle } from '../../platform/http/address-throttle.ts';
import { bearerCredentials } from '../../platform/http/bearer.ts';
import type { Principal } from '../../platform/principal.ts';
import { isWellFormedClientId, isWellFormedKid, type ClientState, type ClientStore } from './client-store.ts';
import { createKeySets, type KeySets } from './key-sets.ts';
import { expiringCache } from './verified-cache.ts';

const allowedAlgs = ['ES256', 'EdDSA'];

export interface AuthOptions {
  audience: string;
  maxAgeSeconds: number;
  /** How long a client and its keys (and a token verified with them) are trusted before the register is asked again; 0 = never cache. */
  cacheSeconds?: number;
  /** How often the register's generation is read, so that a change made by another process is noticed. */
  registerPollMs?: number;
  keySets?: KeySets;
  /** Refused authentications per source address; an address past its allowance gets 429 before any database work. */
  throttle?: AddressThrottle;
  now?: () => number;
}

export interface Authenticator {
  (authorization: string | undefined, source?: string): Promise<Principal>;
  /** Drops every cached client and token: called by the process that has just changed the register. */
  forget(): void;
}

interface TrustedClient {
  state: ClientState;
  keys: JWTVerifyGetKey;
}

export function createAuthenticator(
  clients: Pick<ClientStore, 'current' | 'clientOfKid' | 'generation'>,
  options: AuthOptions,
): Authenticator {
  const ttlMs = (options.cacheSeconds ?? 30) * 1000;
  const pollMs = options.registerPollMs ?? 1000;
  const now = options.now ?? Date.now;
  const keySets = options.keySets ?? createKeySets({ timeoutMs: 3000, maxBytes: 64 * 1024, cacheSeconds: 300 });
  const trusted = expiringCache<TrustedClient>(10_000);
  const verified = expiringCache<Principal>(50_000);
  const forget = () => {
    trusted.clear();
    verified.clear();
  };

  // The generation last read, and when; one read at a time however many requests arrive together.
  let generation: number | null = null;
  let checkedAt = -Infinity;
  let checking: Promise<void> | null = null;
  async function noticeChanges(): Promise<void> {
    if (ttlMs === 0 || now() - checkedAt < pollMs) return;
    checking ??= clients
      .generation()
      .then((seen) => {
        if (generation !== null && seen !== generation) forget();
        generation = seen;
        checkedAt = now();
      })
      .finally(() => {
        checking = null;
      });
    await checking;
  }

  async function trustedClient(clientId: string): Promise<TrustedClient | null> {
    const cached = ttlMs > 0 ? trusted.get(clientId, now()) : undefined;
    if (cached) return cached;
    const state = await clients.current(clientId);
    if (!state) return null;
    const entry = { state, keys: keySets.for(state) };
    if (ttlMs > 0) trusted.set(clientId, entry, now() + ttlMs);
    return entry;
  }

  async function verify(token: string): Promise<Principal> {
    let header;
    let unverified;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw unauthenticated('The token is not a well-formed JWT');
    }
    if (typeof header.alg !== 'string' || !allowedAlgs.includes(header.alg)) {
      throw unauthenticated(`Tokens must be signed with ${allowedAlgs.join(' or ')}`);
    }
    if (typeof header.kid !== 'string') throw unauthenticated('The token has no key id (kid)');
    if (!isWellFormedKid(header.kid))
      throw unauthenticated(
        'The token key id (kid) is not one the gateway could know: 1 to 128 visible ASCII characters',
      );
    const kid = header.kid;
    await noticeChanges();
    const issuer = typeof unverified.iss === 'string' && isWellFormedClientId(unverified.iss) ? unverified.iss : null;
    const client = issuer ? await trustedClient(issuer) : null;
    const unknownKey = async () => {
      const owner = await clients.clientOfKid(kid);
      return unauthenticated(
        owner !== null && owner !== issuer
          ? 'The token issuer must be the client that owns the signing key'
          : 'The token was signed with a key the gateway does not know',
      );
    };
    if (!client) throw await unknownKey();
    const { state } = client;
    if (state.revokedKids.includes(kid)) throw unauthenticated('The key this token was signed with has been revoked');
    let claims: { exp?: number; iat?: number };
    try {
      ({ payload: claims } = await jwtVerify(token, client.keys, {
        algorithms: allowedAlgs,
        issuer: state.id,
        subject: state.id,
        audience: options.audience,
        maxTokenAge: options.maxAgeSeconds,
        requiredClaims: ['exp', 'iat'],
        currentDate: new Date(now()),
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWKS_NO_MATCHING_KEY') throw await unknownKey();
      throw unauthenticated(describe(error as { code?: string; claim?: string }));
    }
    // Said only to a caller holding the client's key: anyone else learns nothing about a client's standing.
    if (state.status !== 'active')
      throw unauthenticated(`This client is ${state.status}: ask the gateway's registry administrators`);
    const principal = { clientId: state.id, party: state.party, roles: state.roles };
    if (ttlMs > 0) {
      // The same token is trusted again only while it would still verify: before its expiry and its maximum age.
      verified.set(
        token,
        principal,
        Math.min(now() + ttlMs, claims.exp! * 1000, (claims.iat! + options.maxAgeSeconds) * 1000),
      );
    }
    return principal;
  }

  const authenticate = async (authorization: string | undefined, source?: string): Promise<Principal> => {
    const refuse = (error: GatewayError): never => {
      if (source !== undefined) options.throttle?.refused(source);
      throw error;
    };
    const wait = source !== undefined ? (options.throttle?.waitFor(source) ?? 0) : 0;
    const token = bearerCredentials(authorization);
    if (wait > 0 && !(token && ttlMs > 0 && verified.get(token, now()))) {
      throw new GatewayError(
        'rate-limited',
        `Too many refused authentications from this address; try again in ${wait} s`,
        {},
        wait,
      );
    }
    if (!token) return refuse(unauthenticated('Send a bearer token: Authorization: Bearer <JWT>'));
    if (!/^[A-Za-z0-9_.-]+$/.test(token)) return refuse(unauthenticated('The token is not a well-formed JWT'));
    if (ttlMs > 0 && verified.get(token, now())) {
      await noticeChanges();
      const known = verified.get(token, now()); // gone if the register changed meanwhile
      if (known) return known;
    }
    try {
      return await verify(token);
    } catch (error) {
      return error instanceof GatewayError && error.code === 'unauthenticated' ? refuse(error) : Promise.reject(error);
    }
  };
  return Object.assign(authenticate, { forget });
}

function describe(error: { code?: string; claim?: string; message?: string }): string {
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return 'The token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return error.claim === 'iss' || error.claim === 'sub'
        ? 'The token issuer must be the client that owns the signing key'
        : `The token ${error.claim ?? 'claims'} claim is not acceptable`;
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'The token signature does not verify';
    case 'ERR_JWKS_TIMEOUT':
      return "The client's key set (jwks_uri) did not answer in time, so the token cannot be checked";
    case 'ERR_JWKS_TOO_LARGE':
      return "The client's key set (jwks_uri) is larger than the gateway reads, so the token cannot be checked";
    case 'ERR_JOSE_GENERIC':
    case 'ERR_JWKS_INVALID':
      return "The client's key set (jwks_uri) could not be read, so the token cannot be checked";
    default:
      return error.code === undefined && /fetch/i.test(error.message ?? '')
        ? "The client's key set (jwks_uri) could not be fetched, so the token cannot be checked"
        : 'The token is not valid';
  }
}

function unauthenticated(detail: string) {
  return new GatewayError('unauthenticated', detail);
}
