import { hash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import type { AuditEntry } from './types.ts';

/** SHA-256 (hex) over the canonical JSON of every field of the entry except the hash itself. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return hash('sha256', entryPreimage(entry), 'hex');
}

/** The same hash, given the body's canonical JSON already. */
export function hashOfCanonical(entry: Omit<AuditEntry, 'hash' | 'body'>, bodyCanonical: string): string {
  return hash('sha256', preimageOf(entry, bodyCanonical), 'hex');
}

/**
 * The exact text that is hashed: canonicalJson({ seq, id, recordedAt, kind, body, prevHash }), written out with
 * its keys already in canonical order (body, id, kind, prevHash, recordedAt, seq) so no object is built per entry.
 */
export function entryPreimage(entry: Omit<AuditEntry, 'hash'>): string {
  return preimageOf(entry, canonicalJson(entry.body));
}

/** The preimage around a body already in canonical JSON; the other fields are the stored strings and the seq. */
export function preimageOf(
  entry: { seq: number; id: string; recordedAt: string; kind: string; prevHash: string },
  bodyCanonical: string,
): string {
  const { seq, id, recordedAt, kind, prevHash } = entry;
  return (
    `{"body":${bodyCanonical},"id":${JSON.stringify(id)},"kind":${JSON.stringify(kind)},` +
    `"prevHash":${JSON.stringify(prevHash)},"recordedAt":${JSON.stringify(recordedAt)},"seq":${canonicalJson(seq)}}`
  );
}
