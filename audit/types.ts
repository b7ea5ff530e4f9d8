import type { components } from '../contracts/openapi-types.ts';

type Schemas = components['schemas'];

/** Each kind of entry and the body it holds, as openapi.yaml declares them (the AuditEntry union). */
export interface EntryBodies {
  decision: Schemas['DecisionEntryBody'];
  'dry-run': Schemas['DecisionEntryBody'];
  lookup: Schemas['LookupEntryBody'];
  outcome: Schemas['OutcomeEntryBody'];
  'register-change': Schemas['RegisterChangeEntryBody'];
  feedback: Schemas['FeedbackEntryBody'];
  'console-access': Schemas['ConsoleAccessEntryBody'];
  'obligation-confirmation': Schemas['ObligationConfirmationEntryBody'];
}

export type EntryKind = keyof EntryBodies;

/**
 * An entry to append, its body typed by its kind (audit/entry-kinds.ts builds one of each); `id` may be chosen
 * beforehand where another entry of the same commit must refer to it.
 */
export type NewEntry = { [K in EntryKind]: { kind: K; body: EntryBodies[K]; id?: string } }[EntryKind];

export interface AuditEntry {
  seq: number;
  id: string;
  recordedAt: string;
  kind: EntryKind;
  body: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/**
 * An entry's body read back from the log: the body openapi.yaml declares for its kind, with every field optional,
 * because the log keeps entries written before a field was added and a reader may not assume what an old entry
 * never said.
 */
export type StoredBody<K extends EntryKind> = Partial<EntryBodies[K]>;

/** `entry`'s body typed by its kind, when it is of one of `kinds`; null when it is of another. */
export function storedBody<K extends EntryKind>(
  entry: Pick<AuditEntry, 'kind' | 'body'>,
  ...kinds: K[]
): StoredBody<K> | null {
  return (kinds as EntryKind[]).includes(entry.kind) ? (entry.body as StoredBody<K>) : null;
}

export const genesisHash = '0'.repeat(64);
