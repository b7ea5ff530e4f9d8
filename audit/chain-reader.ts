// Reads the log in seq order, a batch at a time by keyset (seq > last seen), exactly as stored: the body as the
// canonical text its hash covers, the time as text to the microsecond (so an edit below the millisecond the hash
// covers is still seen). A deep read also has PostgreSQL print the jsonb `body` that queries see and checks it is
// the same JSON as the hashed text: needed only when `body` is no longer generated from that text.
import { hash } from 'node:crypto';
import type { Knex } from 'knex';
import { canonicalFromJsonText } from './canonical-text.ts';

/** One stored entry as verification sees it. */
export interface ChainRow {
  seq: number;
  id: string;
  /** recorded_at in UTC as 'YYYY-MM-DDTHH:MM:SS.ffffff' (microseconds, no zone). */
  recordedAtUs: string;
  kind: string;
  /** body_canonical: the body's canonical JSON, exactly as hashed. */
  body: string;
  prevHash: string;
  hash: string;
  /** Set by a deep read when the jsonb body is not the JSON the hashed text holds. */
  bodyDiverges?: boolean;
  /** The search columns as stored, when the read asked for them (search-fields.ts compares them with `body`). */
  exchange?: string | null;
  agreementId?: string | null;
  party?: string | null;
  decision?: string | null;
  decisionId?: string | null;
}

export type ReadDepth = 'hashed-text' | 'deep';

const columns = `seq, id::text as id,
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "recordedAtUs",
  kind, body_canonical as body, prev_hash as "prevHash", hash`;

/** Entries with afterSeq < seq ≤ throughSeq, in seq order, at most `limit`. */
export async function readChainRows(
  db: Knex,
  afterSeq: number,
  throughSeq: number,
  limit: number,
  depth: ReadDepth = 'hashed-text',
  /** Also read the search columns (verify.ts compares them with the hashed text, search-fields.ts). */
  withSearchColumns = false,
): Promise<ChainRow[]> {
  const extra =
    (depth === 'deep' ? ', body::text as "bodyJsonb"' : '') +
    (withSearchColumns
      ? ', exchange, agreement_id as "agreementId", party, decision, decision_id::text as "decisionId"'
      : '');
  const result = await db.raw(
    `select ${columns}${extra} from audit_log where seq > ? and seq <= ? order by seq limit ?`,
    [afterSeq, throughSeq, limit],
  );
  const rows = result.rows as (ChainRow & { bodyJsonb?: string })[];
  for (const row of rows) {
    row.seq = Number(row.seq);
    if (row.bodyJsonb !== undefined) {
      if (canonicalFromJsonText(row.bodyJsonb) !== row.body) row.bodyDiverges = true;
      delete row.bodyJsonb;
    }
  }
  return rows;
}

/**
 * Every batch of entries from afterSeq (exclusive) to throughSeq (inclusive), by seq ranges of `batchSize`. The next
 * range is already being read while the caller checks this one, so the database's work overlaps the hashing.
 */
export async function* chainBatches(
  db: Knex,
  afterSeq: number,
  throughSeq: number,
  batchSize: number,
  depth: ReadDepth = 'hashed-text',
  withSearchColumns = false,
): AsyncGenerator<ChainRow[]> {
  const range = (from: number) =>
    readChainRows(db, from, Math.min(from + batchSize, throughSeq), batchSize, depth, withSearchColumns);
  let from = afterSeq;
  let next = from < throughSeq ? range(from) : null;
  try {
    while (next) {
      const rows = await next;
      from += batchSize;
      next = from < throughSeq ? range(from) : null;
      // A range can come back short or empty where entries are missing; the caller sees the gap in seq.
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A caller that stops early (at the first bad entry) leaves a read in flight; it must not fail unheard.
    next?.catch(() => undefined);
  }
}

/** The highest seq in the log, 0 when it is empty. */
export async function headSeq(db: Knex): Promise<number> {
  const row = await db('audit_log').max<{ max: number | string | null }[]>({ max: 'seq' }).first();
  return Number(row?.max ?? 0);
}

/** The time as the hash covers it (ISO 8601, milliseconds, Z), or null if the stored time has finer digits. */
export function hashedTime(recordedAtUs: string): string | null {
  return recordedAtUs.endsWith('000') ? `${recordedAtUs.slice(0, 23)}Z` : null;
}

/**
 * Whether the stored row hashes to its stored hash, were its seq `seq`. The preimage is entry-hash.ts's, built from
 * the stored text directly; id, kind and the hashes are JSON-escaped in case an edit put a quote in one.
 */
export function rowHashes(row: ChainRow, seq = row.seq): boolean {
  const recordedAt = hashedTime(row.recordedAtUs);
  if (recordedAt === null || row.bodyDiverges) return false;
  const preimage =
    `{"body":${row.body},"id":${JSON.stringify(row.id)},"kind":${JSON.stringify(row.kind)},` +
    `"prevHash":${JSON.stringify(row.prevHash)},"recordedAt":"${recordedAt}","seq":${seq}}`;
  return hash('sha256', preimage, 'hex') === row.hash;
}
