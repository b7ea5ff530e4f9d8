import { hash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import type { AuditEntry } from './types.ts';

/** SHA-256 (hex) over the canonical JSON of every field of the entry except the hash itself. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return hash('sha256', entryPreimage(entry), 'hex');
}

/**
 * The exact text that is hashed: canonicalJson({ seq, id, recordedAt, kind, body, prevHash }), written out with
 * its keys already in canonical order (body, id, kind, prevHash, recordedAt, seq) so no object is built per entry.
 */
export function entryPreimage(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, id, recordedAt, kind, body, prevHash } = entry;
  return `{"body":${canonicalJson(body)},"id":${JSON.stringify(id)},"kind":${JSON.stringify(kind)},`
    + `"prevHash":${JSON.stringify(prevHash)},"recordedAt":${JSON.stringify(recordedAt)},"seq":${canonicalJson(seq)}}`;
}
