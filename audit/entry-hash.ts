import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical.ts';
import type { AuditEntry } from './types.ts';

/** SHA-256 (hex) over the canonical JSON of every field of the entry except the hash itself. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, id, recordedAt, kind, body, prevHash } = entry;
  return createHash('sha256').update(canonicalJson({ seq, id, recordedAt, kind, body, prevHash }), 'utf8').digest('hex');
}
