export type EntryKind = 'decision' | 'outcome' | 'dry-run' | 'register-change' | 'feedback';

export interface NewEntry { kind: EntryKind; body: Record<string, unknown> }

export interface AuditEntry {
  seq: number;
  id: string;
  recordedAt: string;
  kind: EntryKind;
  body: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export const genesisHash = '0'.repeat(64);
