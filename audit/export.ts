// Exports a contiguous run of the chain as JSON lines or CSV, led by a signed manifest (count, first and last
// hash, a checkpoint covering the last entry and the inclusion proof for it), so that `npm run audit --
// verify-export <file>` can check the file with no database: see CHAIN.md, "Exports".
import type { Knex } from 'knex';
import { CompactSign } from 'jose';
import { canonicalJson } from './canonical.ts';
import { sqlInstant } from './read.ts';
import { chainBatches, type ChainRow } from './chain-reader.ts';
import type { CheckpointRow } from './checkpoints.ts';
import { proveInclusion, type InclusionProof } from './receipts.ts';
import type { AuditKeyRing, Jwks } from './signing-keys.ts';

export type ExportFormat = 'jsonl' | 'csv';
export const manifestType = 'audit-export-manifest+jws';
export const csvHeader = 'seq,id,recordedAt,kind,prevHash,hash,body';

export interface ExportManifest {
  format: 'audit-export/1';
  entries: ExportFormat;
  /** The time range asked for; the export is every entry from the first recorded at or after `from` to the last before `to`. */
  from: string | null;
  to: string | null;
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  firstPrevHash: string | null;
  firstHash: string | null;
  lastHash: string | null;
  checkpoint: { jws: string } | null;
  inclusionProof: InclusionProof | null;
  generatedAt: string;
}

/** The manifest as its first line carries it: with the keys it was signed with and its own signature. */
export interface SignedManifest extends ExportManifest {
  keys: Jwks;
  signature: string;
}

export interface ExportDeps {
  db: Knex;
  checkpoints: { covering(seq: number): Promise<CheckpointRow | null>; checkpointNow(): Promise<unknown> };
  keys: Pick<AuditKeyRing, 'active' | 'jwks'>;
  clock?: () => Date;
}

export interface ExportRequest {
  format: ExportFormat;
  from?: string | null;
  to?: string | null;
}

/** The seq range an export covers, or null when no entry falls in the time range. */
export async function exportRange(
  db: Knex,
  from?: string | null,
  to?: string | null,
): Promise<{ firstSeq: number; lastSeq: number } | null> {
  const first = db('audit_log').min<{ v: number | null }[]>({ v: 'seq' });
  if (from) first.where('recorded_at', '>=', sqlInstant(from));
  const last = db('audit_log').max<{ v: number | null }[]>({ v: 'seq' });
  if (to) last.where('recorded_at', '<', sqlInstant(to));
  const [a, b] = await Promise.all([first.first(), last.first()]);
  const firstSeq = a?.v == null ? null : Number(a.v);
  const lastSeq = b?.v == null ? null : Number(b.v);
  return firstSeq === null || lastSeq === null || firstSeq > lastSeq ? null : { firstSeq, lastSeq };
}

/** The time as exported: to the millisecond as hashed, or to the microsecond if the stored time has been made finer. */
const exportedTime = (us: string) => (us.endsWith('000') ? `${us.slice(0, 23)}Z` : `${us}Z`);

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function entryLine(row: ChainRow, format: ExportFormat): string {
  const recordedAt = exportedTime(row.recordedAtUs);
  if (format === 'csv') {
    return [String(row.seq), row.id, recordedAt, row.kind, row.prevHash, row.hash, row.body].map(csvField).join(',');
  }
  // The canonical JSON of the entry with its hash: keys in order body, hash, id, kind, prevHash, recordedAt, seq.
  return (
    `{"body":${row.body},"hash":${JSON.stringify(row.hash)},"id":${JSON.stringify(row.id)},"kind":${JSON.stringify(row.kind)},` +
    `"prevHash":${JSON.stringify(row.prevHash)},"recordedAt":${JSON.stringify(recordedAt)},"seq":${row.seq}}`
  );
}

export function manifestLine(manifest: SignedManifest, format: ExportFormat): string {
  const json = JSON.stringify({ manifest });
  return format === 'csv' ? `# ${json}` : json;
}

/** The lines of the export, manifest first; each line without its newline. */
export async function* exportLines(deps: ExportDeps, request: ExportRequest, limit = Infinity): AsyncGenerator<string> {
  const range = await exportRange(deps.db, request.from, request.to);
  if (range && range.lastSeq - range.firstSeq + 1 > limit)
    throw new ExportTooLargeError(range.lastSeq - range.firstSeq + 1, limit);
  const rows: ChainRow[] = [];
  // The first and last entries are needed for the manifest, which leads the file.
  if (range) {
    for await (const batch of chainBatches(deps.db, range.firstSeq - 1, range.firstSeq, 1)) rows.push(...batch);
    for await (const batch of chainBatches(deps.db, range.lastSeq - 1, range.lastSeq, 1)) rows.push(...batch);
  }
  const [first, last] = [rows[0], rows[rows.length - 1]];
  // A chain that does not verify gets no new checkpoint; the export then says none covers it, and fails to verify.
  const checkpoint = range ? await deps.checkpoints.covering(range.lastSeq).catch(() => null) : null;
  const manifest: ExportManifest = {
    format: 'audit-export/1',
    entries: request.format,
    from: request.from ?? null,
    to: request.to ?? null,
    count: range ? range.lastSeq - range.firstSeq + 1 : 0,
    firstSeq: range?.firstSeq ?? null,
    lastSeq: range?.lastSeq ?? null,
    firstPrevHash: first?.prevHash ?? null,
    firstHash: first?.hash ?? null,
    lastHash: last?.hash ?? null,
    checkpoint: checkpoint ? { jws: checkpoint.jws } : null,
    inclusionProof:
      range && checkpoint
        ? await proveInclusion(deps.db, range.lastSeq, checkpoint.size, deps.checkpoints.checkpointNow)
        : null,
    generatedAt: (deps.clock?.() ?? new Date()).toISOString(),
  };
  const key = await deps.keys.active();
  const signature = await new CompactSign(new TextEncoder().encode(canonicalJson(manifest)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: manifestType })
    .sign(key.privateKey);
  yield manifestLine({ ...manifest, keys: await deps.keys.jwks(), signature }, request.format);
  if (request.format === 'csv') yield csvHeader;
  if (!range) return;
  for await (const batch of chainBatches(deps.db, range.firstSeq - 1, range.lastSeq, 10_000)) {
    for (const row of batch) yield entryLine(row, request.format);
  }
}

export class ExportTooLargeError extends Error {
  constructor(
    readonly count: number,
    readonly limit: number,
  ) {
    super(`the export would hold ${count} entries; at most ${limit} can be exported this way`);
  }
}
