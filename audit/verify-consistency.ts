// Offline: do two signed checkpoints (C2SP notes, as GET /v1/audit/checkpoint serves them) describe one log that
// only grew? Both must be signed by a key of the JWKS under the log's origin, and the RFC 6962 consistency proof
// (GET /v1/audit/proofs/consistency) must take the older root to the newer. Never throws.
import { noteSignedBy, parseCheckpointText, parseNote, type CheckpointText } from './checkpoint-note.ts';
import { verifyConsistency } from './merkle.ts';
import type { Jwks } from './signing-keys.ts';

export type ConsistencyCheck = { ok: true; from: number; to: number; origin: string } | { ok: false; problem: string };

export function readSignedCheckpoint(noteText: string, jwks: Jwks, origin?: string): CheckpointText | string {
  const note = parseNote(noteText);
  if (!note) return 'it is not a signed note';
  const checkpoint = parseCheckpointText(note.text);
  if (!checkpoint) return 'its text is not origin, tree size and root hash';
  if (origin !== undefined && checkpoint.origin !== origin)
    return `it is for the log ${checkpoint.origin}, not ${origin}`;
  const signed = jwks.keys.some(
    (k) => k.crv === 'Ed25519' && noteSignedBy(note, checkpoint.origin, Buffer.from(k.x, 'base64url')),
  );
  return signed ? checkpoint : 'it is not signed by a key of the key set under its origin';
}

export function checkConsistency(
  older: string,
  newer: string,
  proof: { from?: unknown; to?: unknown; hashes?: unknown },
  jwks: Jwks,
  origin?: string,
): ConsistencyCheck {
  const first = readSignedCheckpoint(older, jwks, origin);
  if (typeof first === 'string') return { ok: false, problem: `the older checkpoint: ${first}` };
  const second = readSignedCheckpoint(newer, jwks, first.origin);
  if (typeof second === 'string') return { ok: false, problem: `the newer checkpoint: ${second}` };
  if (proof.from !== first.size || proof.to !== second.size) {
    return {
      ok: false,
      problem: `the proof runs from ${String(proof.from)} to ${String(proof.to)}, not from ${first.size} to ${second.size}`,
    };
  }
  if (!verifyConsistency(first.size, second.size, proof.hashes as string[], first.rootHash, second.rootHash)) {
    return {
      ok: false,
      problem: `the log of ${second.size} entries does not extend the log of ${first.size}: its history was rewritten`,
    };
  }
  return { ok: true, from: first.size, to: second.size, origin: first.origin };
}
