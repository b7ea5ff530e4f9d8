// Links new entries onto the chain: each gets the next seq, the head's hash as prevHash, and its own hash. The one
// place the chain is extended, for single appends and group commits alike (CHAIN.md §4).
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { canonicalJsonAsStored } from './canonical.ts';
import { hashOfCanonical } from './entry-hash.ts';
import { genesisHash, type AuditEntry, type NewEntry } from './types.ts';

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface LinkedRow {
  seq: number;
  id: string;
  recorded_at: string;
  kind: string;
  body_canonical: string;
  prev_hash: string;
  hash: string;
}

/** A body PostgreSQL's jsonb cannot hold (a NUL character) must fail its own request, never the batch it shares. */
export class UnstorableEntryError extends Error {}

export const headOf = (row: { seq: number | string | null; hash: string | null } | undefined): ChainHead =>
  row && row.seq !== null ? { seq: Number(row.seq), hash: row.hash! } : { seq: 0, hash: genesisHash };

/** Checks that every body can be stored, before anything of the request is linked. */
export function canonicalBodies(entries: NewEntry[]): { entry: NewEntry; body: NewEntry['body']; text: string }[] {
  return entries.map((entry) => {
    // The body's text as JSON will hold it (a Date becomes its ISO string), so what is hashed is what is stored;
    // the entry handed back keeps the body it was given.
    const body = entry.body;
    const text = canonicalJsonAsStored(body);
    if (text.includes('\\u0000')) throw new UnstorableEntryError('an audit entry may not contain a NUL character');
    return { entry, body, text };
  });
}

/** Links checked bodies after `head`; returns the stored entries, the rows to insert and the new head. */
export function link(head: ChainHead, bodies: ReturnType<typeof canonicalBodies>, recordedAt: string) {
  let { seq, hash: prevHash } = head;
  const rows: LinkedRow[] = [];
  const stored = bodies.map(({ entry, body, text }) => {
    seq += 1;
    const draft = { seq, id: entry.id ?? randomUUID(), recordedAt, kind: entry.kind, body, prevHash };
    // The kind and body of one NewEntry, taken apart above, which the compiler no longer sees belong together.
    const linked = { ...draft, hash: hashOfCanonical(draft, text) } as AuditEntry;
    rows.push({
      seq,
      id: linked.id,
      recorded_at: recordedAt,
      kind: entry.kind,
      body_canonical: text,
      prev_hash: prevHash,
      hash: linked.hash,
    });
    prevHash = linked.hash;
    return linked;
  });
  return { stored, rows, head: { seq, hash: prevHash } };
}

/** Inserts linked rows in as few statements as the driver's parameter limit allows. */
export async function insertRows(trx: Knex.Transaction, rows: LinkedRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await trx('audit_log').insert(rows.slice(i, i + 500));
}
