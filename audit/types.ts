export type EntryKind = 'decision' | 'outcome' | 'dry-run' | 'register-change' | 'feedback' | 'lookup' | 'console-access' | 'obligation-confirmation';

/** An entry to append; `id` may be chosen beforehand where another entry of the same commit must refer to it. */
export interface NewEntry { kind: EntryKind; body: Record<string, unknown>; id?: string }

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
