// Keys as operators hold them in files: PEM (what `openssl genpkey` and `openssl pkey -pubout` write) or JWK. The
// key id, unless one is given, is the key's RFC 7638 thumbprint, so the bootstrap command and the token command
// name the same key without being told.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { calculateJwkThumbprint, type JWK } from 'jose';
import type { PublicJwk } from '../auth/client-store.ts';

export class KeyFileError extends Error {}

const algFor = (jwk: JWK): 'ES256' | 'EdDSA' => {
  if (jwk.kty === 'EC' && jwk.crv === 'P-256') return 'ES256';
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  throw new KeyFileError('the key must be EC P-256 (ES256) or Ed25519 (EdDSA)');
};

const publicPart = (jwk: JWK): JWK =>
  jwk.kty === 'EC' ? { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y } : { kty: 'OKP', crv: jwk.crv, x: jwk.x };

function read(file: string): { text: string; json: (JWK & { keys?: JWK[] }) | null } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new KeyFileError(`cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if (!text.trim().startsWith('{')) return { text, json: null };
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new KeyFileError(`${file} is neither PEM nor JSON`);
  }
}

async function withKid(jwk: JWK, kid: string | undefined): Promise<PublicJwk> {
  const alg = algFor(jwk);
  const pub = publicPart(jwk);
  return {
    ...pub,
    kid: kid ?? (jwk.kid as string | undefined) ?? (await calculateJwkThumbprint(pub)),
    alg,
    use: 'sig',
  } as PublicJwk;
}

/** A public key from a PEM or JWK (or one-key JWKS) file. A file holding a private key is refused: it should not be here. */
export async function readPublicKey(file: string, kid?: string): Promise<PublicJwk> {
  const { text, json } = read(file);
  if (json) {
    const jwk = json.keys ? (json.keys.length === 1 ? json.keys[0]! : null) : json;
    if (!jwk) throw new KeyFileError(`${file} holds ${json.keys!.length} keys: give one`);
    if ('d' in jwk)
      throw new KeyFileError(
        `${file} holds a private key: give the public key only, and keep the private key where it was made`,
      );
    return withKid(jwk, kid);
  }
  if (/PRIVATE KEY/.test(text))
    throw new KeyFileError(
      `${file} holds a private key: give the public key only (openssl pkey -in <private key> -pubout), and keep the private key where it was made`,
    );
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch {
    throw new KeyFileError(`${file} does not hold a PEM public key`);
  }
  return withKid(key.export({ format: 'jwk' }) as JWK, kid);
}

/** A private key from a PEM or JWK file, with the algorithm and key id (thumbprint unless given) to sign with. */
export async function readPrivateKey(
  file: string,
  kid?: string,
): Promise<{ key: KeyObject; alg: 'ES256' | 'EdDSA'; kid: string }> {
  const { text, json } = read(file);
  let key: KeyObject;
  try {
    key = json ? createPrivateKey({ key: json as never, format: 'jwk' }) : createPrivateKey(text);
  } catch {
    throw new KeyFileError(`${file} does not hold a private key (PEM or JWK)`);
  }
  const pub = await withKid(
    createPublicKey(key).export({ format: 'jwk' }) as JWK,
    kid ?? (json?.kid as string | undefined),
  );
  return { key, alg: pub.alg as 'ES256' | 'EdDSA', kid: pub.kid };
}
