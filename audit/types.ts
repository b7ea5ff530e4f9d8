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

/**
 * The fields an entry of a kind has carried since the kind was first written, so that a reader may rely on them:
 * a decision's and a dry run's exchange, party, client, day and decision were in the first decision written
 * (cb01fe4, gateway/exchanges/run-exchange.ts), and both kinds' bodies come from one builder
 * (gateway/exchanges/decision-commit.ts); an obligation confirmation's id, party and client were in the first
 * (d8ddfb8). A kind not named here promises nothing beyond StoredBody.
 */
interface AlwaysStored {
  decision: Fields<'decision', 'exchange' | 'party' | 'clientId' | 'decisionDate' | 'decision'>;
  'dry-run': Fields<'dry-run', 'exchange' | 'party' | 'clientId' | 'decisionDate' | 'decision'>;
  'obligation-confirmation': Fields<'obligation-confirmation', 'obligationId' | 'party' | 'clientId'>;
}
/** Fields of a kind's body, by name, so that a name the contract does not give the kind is a compile error. */
type Fields<K extends EntryKind, F extends keyof EntryBodies[K]> = F;
type Kept<K extends EntryKind> = K extends keyof AlwaysStored ? AlwaysStored[K] & keyof EntryBodies[K] : never;

/**
 * An entry's body read back from the log: the body openapi.yaml declares for its kind, with every field optional but
 * those its kind has always carried, because the log keeps entries written before a field was added and a reader may
 * not assume what an old entry never said.
 */
export type StoredBody<K extends EntryKind> = Partial<EntryBodies[K]> & Pick<EntryBodies[K], Kept<K>>;

/** A kind and its body as the log holds them, one member per kind, so that testing `kind` narrows `body`. */
export type StoredKindAndBody<K extends EntryKind = EntryKind> = { [k in K]: { kind: k; body: StoredBody<k> } }[K];

/** An entry as read back from the log; `if (entry.kind === 'decision')` makes `entry.body` a decision's body. */
export type AuditEntry<K extends EntryKind = EntryKind> = {
  seq: number;
  id: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
} & StoredKindAndBody<K>;

type AnyKindsBody = EntryBodies[EntryKind];
type FieldOf<B> = B extends unknown ? keyof B : never;
type TypeIn<B, F> = B extends unknown ? (F extends keyof B ? B[F] : never) : never;

/**
 * Any kind's body, read without asking its kind (a list showing each entry's exchange or action): every field some
 * kind declares, optional, of the types the kinds that declare it give it.
 */
export type AnyStoredBody = { [F in FieldOf<AnyKindsBody>]?: TypeIn<AnyKindsBody, F> };

/** An entry's body as AnyStoredBody, for a reader that shows whichever of those fields the entry has. */
export const anyBody = (entry: Pick<AuditEntry, 'body'>): AnyStoredBody => entry.body;

/**
 * A kind and a body as the database gives them (jsonb as an object, or as its text from a raw query), typed by the
 * kind: the one place a stored body is taken to be of its kind's shape. Every body was written through
 * entry-kinds.ts's constructors, held to the contract, or before a field was added, which StoredBody allows for.
 */
export function stored<K extends EntryKind>(kind: K, body: unknown): StoredKindAndBody<K> {
  return { kind, body: typeof body === 'string' ? JSON.parse(body) : body } as StoredKindAndBody<K>;
}

export const genesisHash = '0'.repeat(64);
