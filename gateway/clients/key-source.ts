// What a client's keys may be, beyond the shape openapi.yaml already checks: exactly one source (inline JWKS or
// jwks_uri); inline keys that are real public keys of the right curve with distinct key ids; a jwks_uri over https
// (or plain http on this host, for testing), never carrying credentials.
import { importJWK } from 'jose';
import type { Jwks, PublicJwk } from '../auth/client-store.ts';

export interface KeySource {
  jwks: Jwks | null;
  jwksUri: string | null;
}

const loopback = new Set(['127.0.0.1', '[::1]', 'localhost']);
const algOf = (jwk: PublicJwk) => (jwk.kty === 'EC' ? 'ES256' : 'EdDSA');

export async function problemsWithKeySource(given: {
  jwks?: Jwks;
  jwksUri?: string;
}): Promise<{ source: KeySource; problems: string[] }> {
  const problems: string[] = [];
  if ((given.jwks === undefined) === (given.jwksUri === undefined)) {
    return {
      source: { jwks: null, jwksUri: null },
      problems: ["give the client's public keys either inline (jwks) or where it publishes them (jwksUri), not both"],
    };
  }
  if (given.jwksUri !== undefined) {
    const url = URL.canParse(given.jwksUri) ? new URL(given.jwksUri) : null;
    if (!url || !(url.protocol === 'https:' || (url.protocol === 'http:' && loopback.has(url.hostname)))) {
      problems.push('jwksUri must be an https URL (plain http only on this host, for testing)');
    } else if (url.username || url.password) {
      problems.push('jwksUri must not carry a user name or password');
    }
    return { source: { jwks: null, jwksUri: given.jwksUri }, problems };
  }
  const keys = given.jwks!.keys;
  if (keys.length === 0) problems.push('jwks must hold at least one key');
  const kids = keys.map((k) => k.kid);
  const repeated = kids.filter((kid, i) => kids.indexOf(kid) !== i);
  if (repeated.length > 0) problems.push(`jwks names a key id more than once: ${[...new Set(repeated)].join(', ')}`);
  const normalised: PublicJwk[] = [];
  for (const [i, jwk] of keys.entries()) {
    const fits =
      (jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.y === 'string') ||
      (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && jwk.y === undefined);
    if (!fits) {
      problems.push(`jwks.keys.${i} must be an EC P-256 key (with x and y) or an OKP Ed25519 key (x only)`);
      continue;
    }
    if (jwk.alg !== undefined && jwk.alg !== algOf(jwk)) {
      problems.push(`jwks.keys.${i}.alg must be ${algOf(jwk)} for its curve`);
      continue;
    }
    try {
      await importJWK({ ...jwk, alg: algOf(jwk) }, algOf(jwk));
    } catch {
      problems.push(`jwks.keys.${i} is not a valid public key`);
      continue;
    }
    normalised.push({ ...jwk, alg: algOf(jwk), use: 'sig' });
  }
  return { source: { jwks: { keys: normalised }, jwksUri: null }, problems };
}
