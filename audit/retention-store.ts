// What the database keeps of archived segments (see the audit_archives migration): one row per segment, and the
// hash of every archived entry. Verification and the archiver both read them here.
import type { Knex } from 'knex';

export interface ArchiveRow {
  firstSeq: number;
  lastSeq: number;
  lastHash: string;
  checkpointJws: string;
  archivedBefore: string;
  fileName: string;
  fileDigest: string;
  archivedAt: string;
}

const columns = {
  firstSeq: 'first_seq',
  lastSeq: 'last_seq',
  lastHash: 'last_hash',
  checkpointJws: 'checkpoint_jws',
  archivedBefore: 'archived_before',
  fileName: 'file_name',
  fileDigest: 'file_digest',
  archivedAt: 'archived_at',
};

const toArchive = (r: Record<string, unknown>): ArchiveRow => ({
  ...(r as unknown as ArchiveRow),
  firstSeq: Number(r.firstSeq),
  lastSeq: Number(r.lastSeq),
  archivedBefore: new Date(r.archivedBefore as string).toISOString(),
  archivedAt: new Date(r.archivedAt as string).toISOString(),
});

/** Every archived segment, oldest first. */
export async function listArchives(db: Knex): Promise<ArchiveRow[]> {
  return (await db('audit_archives').select(columns).orderBy('last_seq')).map(toArchive);
}

/** The newest archived segment: the log in the database continues from its last entry. */
export async function latestArchive(db: Knex): Promise<ArchiveRow | null> {
  const row = await db('audit_archives').select(columns).orderBy('last_seq', 'desc').first();
  return row ? toArchive(row) : null;
}

/** The hashes of archived entries with afterSeq < seq ≤ throughSeq, in seq order, a batch at a time. */
export async function* archivedHashBatches(
  db: Knex,
  afterSeq: number,
  throughSeq: number,
  batchSize = 50_000,
): AsyncGenerator<{ seq: number; hash: string }[]> {
  for (let from = afterSeq; from < throughSeq; ) {
    const rows = (
      await db('audit_archived_hashes')
        .select('seq', 'hash')
        .where('seq', '>', from)
        .andWhere('seq', '<=', throughSeq)
        .orderBy('seq')
        .limit(batchSize)
    ).map((r) => ({ seq: Number(r.seq), hash: r.hash as string }));
    if (rows.length === 0) return;
    yield rows;
    from = rows[rows.length - 1]!.seq;
  }
}

/** Every entry hash from seq 1 to throughSeq, archived or still in the log, in seq order. */
export function hashesThrough(db: Knex, throughSeq: number, batchSize = 50_000): AsyncGenerator<string[]> {
  return hashesBetween(db, 0, throughSeq, batchSize);
}

/** The entry hashes with afterSeq < seq ≤ throughSeq, archived or still in the log, in seq order. */
export async function* hashesBetween(
  db: Knex,
  afterSeq: number,
  throughSeq: number,
  batchSize = 50_000,
): AsyncGenerator<string[]> {
  let from = afterSeq;
  for await (const rows of archivedHashBatches(db, afterSeq, throughSeq, batchSize)) {
    yield rows.map((r) => r.hash);
    from = rows[rows.length - 1]!.seq;
  }
  while (from < throughSeq) {
    const rows = await db('audit_log')
      .select('seq', 'hash')
      .where('seq', '>', from)
      .andWhere('seq', '<=', throughSeq)
      .orderBy('seq')
      .limit(batchSize);
    if (rows.length === 0) return;
    yield rows.map((r) => r.hash as string);
    from = Number(rows[rows.length - 1]!.seq);
  }
}

/** The body every archive's own audit entry carries (a register-change: the governed record changed). */
export const archiveAction = 'audit-archive';
