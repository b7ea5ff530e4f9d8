// Bearer JWTs signed with a registered client's own key (RFC 7523 style): the key id names the client's key,
// iss and sub must be that client, aud the gateway. Roles and party come from the register of clients,
// never from the token, so a token cannot grant itself more.
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { GatewayError } from '../http/problem.ts';
import type { Principal } from '../exchanges/run-exchange.ts';
import type { ClientStore } from './client-store.ts';

const allowedAlgs = ['ES256', 'EdDSA'];

export interface AuthOptions { audience: string; maxAgeSeconds: number }

export function createAuthenticator(clients: Pick<ClientStore, 'keyById'>, options: AuthOptions) {
  return async function authenticate(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw unauthenticated('Send a bearer token: Authorization: Bearer <JWT>');
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
    const key = await clients.keyById(header.kid);
    if (!key) throw unauthenticated('The token was signed with a key the gateway does not know');
    if (key.alg !== header.alg) throw unauthenticated('The token algorithm does not match the registered key');
    try {
      await jwtVerify(token, await importJWK(key.publicJwk, key.alg), {
        algorithms: [key.alg],
        issuer: key.clientId,
        subject: key.clientId,
        audience: options.audience,
        maxTokenAge: options.maxAgeSeconds,
        requiredClaims: ['exp', 'iat'],
      });
    } catch (error) {
      throw unauthenticated(describe(error as { code?: string; claim?: string }));
    }
    return { clientId: key.clientId, party: key.client.party, roles: key.client.roles };
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
