// One constructor per kind of audit entry, each taking the body openapi.yaml declares for its kind, so the compiler
// holds every writer to the contract. A constructor only names the kind: the body is kept as given, so its
// canonical text, and with it the chain (CHAIN.md), is what the writer built.
import type { EntryBodies, NewEntry } from './types.ts';

const entry =
  <K extends keyof EntryBodies>(kind: K) =>
  (body: EntryBodies[K], id?: string) =>
    ({ kind, body, ...(id !== undefined ? { id } : {}) }) as Extract<NewEntry, { kind: K }>;

/** A decision on an exchange: permit or deny, with every rule's reason. */
export const decisionEntry = entry('decision');
/** A decision made as a dry run: nothing forwarded, no place under a cap taken. */
export const dryRunEntry = entry('dry-run');
/** The intent to look a person up in the Home Office's records, committed before the lookup. */
export const lookupEntry = entry('lookup');
/** What came of a permitted exchange or a lookup. */
export const outcomeEntry = entry('outcome');
/** A change to a register the gateway keeps, with the record before and after. */
export const registerChangeEntry = entry('register-change');
/** A party reporting what an exchange led to, or that the work asked was completed. */
export const feedbackEntry = entry('feedback');
/** A console sign-in, sign-out, refused sign-in, or a DPO's console action that changes nothing. */
export const consoleAccessEntry = entry('console-access');
/** A party confirming it did what a decision obliged. */
export const obligationConfirmationEntry = entry('obligation-confirmation');
