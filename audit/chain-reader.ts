// Reads the log in seq order, a batch at a time by keyset (seq > last seen), exactly as stored: the time comes
// back as text to the microsecond, so an edit below the millisecond the hash covers is still seen.
import type { Knex } from 'knex';
import { entryHash } from './entry-hash.ts';

/** One stored entry as verification sees it; field names match the hashed fields. */
export interface ChainRow {
  seq: number;
  id: string;
  /** recorded_at in UTC as 'YYYY-MM-DDTHH:MM:SS.ffffff' (microseconds, no zone). */
  recordedAtUs: string;
  kind: string;
  body: unknown;
  prevHash: string;
  hash: string;
}

const columns = `seq, id::text as id,
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as "recordedAtUs",
  kind, body, prev_hash as "prevHash", hash`;

/** Entries with afterSeq < seq ≤ throughSeq, in seq order, at most `limit`. */
export async function readChainRows(db: Knex, afterSeq: number, throughSeq: number, limit: number): Promise<ChainRow[]> {
  const result = await db.raw(`select ${columns} from audit_log where seq > ? and seq <= ? order by seq limit ?`, [afterSeq, throughSeq, limit]);
  const rows = result.rows as ChainRow[];
  // Drivers hand jsonb back parsed; parse here when one does not.
  for (const row of rows) {
    if (typeof row.body === 'string') row.body = JSON.parse(row.body);
    row.seq = Number(row.seq);
  }
  return rows;
}

/** Every batch of entries from afterSeq (exclusive) to throughSeq (inclusive). */
export async function* chainBatches(db: Knex, afterSeq: number, throughSeq: number, batchSize: number): AsyncGenerator<ChainRow[]> {
  let last = afterSeq;
  while (last < throughSeq) {
    const rows = await readChainRows(db, last, throughSeq, batchSize);
    if (rows.length === 0) return;
    yield rows;
    last = rows[rows.length - 1]!.seq;
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

/** Whether the stored row hashes to its stored hash, were its seq `seq`. */
export function rowHashes(row: ChainRow, seq = row.seq): boolean {
  const recordedAt = hashedTime(row.recordedAtUs);
  if (recordedAt === null) return false;
  const { id, kind, body, prevHash } = row;
  return entryHash({ seq, id, recordedAt, kind: kind as never, body: body as Record<string, unknown>, prevHash }) === row.hash;
}
