// A checkpoint is a compact JWS (RFC 7515), EdDSA over Ed25519, whose payload is the canonical JSON of
// { headHash, rootHash, size, time }: the log had `size` entries, the last one's hash was headHash, and the
// RFC 6962 Merkle root over all their hashes was rootHash. Anyone holding the JWKS can check one offline.
import { compactVerify, createLocalJWKSet, CompactSign } from 'jose';
import { canonicalJson } from './canonical.ts';
import type { Jwks, SigningKey } from './signing-keys.ts';

export const checkpointType = 'audit-checkpoint+jws';

export interface Checkpoint {
  size: number;
  headHash: string;
  rootHash: string;
  time: string;
}

export async function signCheckpoint(checkpoint: Checkpoint, key: SigningKey): Promise<string> {
  const { size, headHash, rootHash, time } = checkpoint;
  return new CompactSign(new TextEncoder().encode(canonicalJson({ size, headHash, rootHash, time })))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: checkpointType })
    .sign(key.privateKey);
}

export type CheckpointReading = { ok: true; checkpoint: Checkpoint; kid: string } | { ok: false; reason: string };

const hex64 = /^[0-9a-f]{64}$/;

/** Checks the signature against the JWKS and the payload's shape; never throws. */
export async function readCheckpoint(jws: string, jwks: Jwks): Promise<CheckpointReading> {
  let verified;
  try {
    verified = await compactVerify(jws, createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]), {
      algorithms: ['EdDSA'],
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWKS_NO_MATCHING_KEY')
      return { ok: false, reason: 'it was signed with a key that is not in the published key set' };
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return { ok: false, reason: 'its signature does not verify' };
    return { ok: false, reason: 'it is not a well-formed signed checkpoint' };
  }
  if (verified.protectedHeader.typ !== checkpointType) return { ok: false, reason: `its typ is not ${checkpointType}` };
  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'its payload is not JSON' };
  }
  const { size, headHash, rootHash, time } = payload;
  if (
    !Number.isSafeInteger(size) ||
    (size as number) < 1 ||
    typeof headHash !== 'string' ||
    !hex64.test(headHash) ||
    typeof rootHash !== 'string' ||
    !hex64.test(rootHash) ||
    typeof time !== 'string' ||
    Number.isNaN(Date.parse(time))
  ) {
    return { ok: false, reason: 'its payload is not { size, headHash, rootHash, time }' };
  }
  return {
    ok: true,
    checkpoint: { size: size as number, headHash, rootHash, time },
    kid: verified.protectedHeader.kid!,
  };
}
