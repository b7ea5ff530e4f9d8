// Retention: entries older than the retention period (config.auditRetentionDays) leave the database as whole
// segments, each written first to a file in the export format that verifies offline, then checked, then recorded
// in audit_archives and deleted, with the archive itself appended to the log, all in one transaction (the
// migration 20261202120000_audit_archives says what the database allows). A segment always ends at a signed
// checkpoint and never takes the newest entry, so the chain in the database continues from the archive's last
// hash and the appender always finds a head to chain to.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { Knex } from 'knex';
import type { AuditAppender } from './append.ts';
import { headSeq } from './chain-reader.ts';
import type { CheckpointRow } from './checkpoints.ts';
import { archiveLines } from './retention-file.ts';
import { archiveAction, latestArchive } from './retention-store.ts';
import type { AuditKeyRing } from './signing-keys.ts';
import { genesisHash } from './types.ts';
import { verifyExport } from './verify-export.ts';
import { registerChangeEntry } from './entry-kinds.ts';

const dayMs = 86_400_000;

export interface ArchiveDeps {
  db: Knex;
  appender: Pick<AuditAppender, 'append'>;
  keys: Pick<AuditKeyRing, 'active' | 'jwks'>;
  retentionDays: number;
  clock?: () => Date;
  onProgress?: (written: number, total: number) => void;
}

export interface ArchiveRequest {
  before: Date;
  outDir: string;
}

export type ArchiveOutcome =
  | { archived: true; firstSeq: number; lastSeq: number; count: number; file: string; digest: string }
  | { archived: false; reason: string };

/** A request the archiver refuses as asked (not a fault): said in one line, nothing changed. */
export class ArchiveRefused extends Error {}

/** The newest time an entry may have been recorded and still be archived. */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * dayMs);
}

/** The largest signed checkpoint in firstSeq..limit: where the segment ends. */
async function boundary(db: Knex, firstSeq: number, limit: number): Promise<CheckpointRow | null> {
  const row = await db('audit_checkpoints')
    .select({
      size: 'size',
      headHash: 'head_hash',
      rootHash: 'root_hash',
      signedAt: 'signed_at',
      keyId: 'key_id',
      jws: 'jws',
    })
    .where('size', '>=', firstSeq)
    .andWhere('size', '<=', limit)
    .orderBy('size', 'desc')
    .first();
  return row ? { ...row, size: Number(row.size), signedAt: new Date(row.signedAt).toISOString() } : null;
}

/** Writes the lines to `file` (each ending in a newline) and flushes it to disk; returns the file's SHA-256. */
export async function writeLines(file: string, lines: AsyncIterable<string>): Promise<string> {
  const digest = createHash('sha256');
  const out = fs.createWriteStream(file, { flags: 'w', mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  for await (const line of lines) {
    const text = `${line}\n`;
    digest.update(text);
    if (!out.write(text))
      await Promise.race([new Promise<void>((resolve) => out.once('drain', () => resolve())), failed]);
  }
  await Promise.race([new Promise<void>((resolve) => out.end(resolve)), failed]);
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return digest.digest('hex');
}

export function fileLines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
}

export async function archiveBefore(deps: ArchiveDeps, request: ArchiveRequest): Promise<ArchiveOutcome> {
  const { db } = deps;
  const cutoff = retentionCutoff(deps.clock?.() ?? new Date(), deps.retentionDays);
  if (request.before.getTime() > cutoff.getTime()) {
    throw new ArchiveRefused(
      `entries stay in the database for ${deps.retentionDays} days (AUDIT_RETENTION_DAYS): --before must be no later than ${cutoff.toISOString()}`,
    );
  }
  const previous = await latestArchive(db);
  const firstSeq = (previous?.lastSeq ?? 0) + 1;
  const head = await headSeq(db);
  const young = await db('audit_log')
    .min<{ v: number | null }[]>({ v: 'seq' })
    .where('recorded_at', '>=', request.before.toISOString())
    .first();
  // Never the newest entry: the chain in the database must keep a head to continue from.
  const limit = Math.min(young?.v == null ? head : Number(young.v) - 1, head - 1);
  const checkpoint = await boundary(db, firstSeq, limit);
  if (!checkpoint) {
    const through = previous ? `entries up to ${previous.lastSeq} are archived already; ` : '';
    return {
      archived: false,
      reason: `${through}no signed checkpoint ends a segment of entries recorded before ${request.before.toISOString()}`,
    };
  }
  const lastSeq = checkpoint.size;
  const count = lastSeq - firstSeq + 1;

  const first = await db('audit_log').where({ seq: firstSeq }).first('prev_hash');
  if (first?.prev_hash !== (previous?.lastHash ?? genesisHash)) {
    throw new ArchiveRefused(
      `entry ${firstSeq} does not continue the chain from the archive before it; run verify; nothing was archived`,
    );
  }
  fs.mkdirSync(request.outDir, { recursive: true });
  const file = path.join(request.outDir, `audit-archive-${firstSeq}-${lastSeq}.jsonl`);
  const partial = `${file}.partial`;
  try {
    const digest = await writeLines(
      partial,
      archiveLines(
        {
          db,
          keys: deps.keys,
          ...(deps.clock ? { clock: deps.clock } : {}),
          ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
        },
        { firstSeq, lastSeq, checkpoint },
      ),
    );
    // Nothing leaves the database unless the file, as written, verifies against the published keys.
    const check = await verifyExport(fileLines(partial), await deps.keys.jwks());
    if (!check.ok || check.checked !== count) {
      throw new ArchiveRefused(
        `the archive file does not verify (${check.firstBad?.detail ?? `${check.checked} of ${count} entries`}); nothing was archived`,
      );
    }
    fs.renameSync(partial, file);
    await deps.appender
      .append(async (trx) => {
        const now = await latestArchive(trx);
        if ((now?.lastSeq ?? 0) !== (previous?.lastSeq ?? 0))
          throw new ArchiveRefused('another archive ran at the same time; nothing was archived by this one');
        await trx('audit_archives').insert({
          first_seq: firstSeq,
          last_seq: lastSeq,
          last_hash: checkpoint.headHash,
          checkpoint_jws: checkpoint.jws,
          archived_before: request.before.toISOString(),
          file_name: path.basename(file),
          file_digest: digest,
        });
        await trx.raw(
          'insert into audit_archived_hashes (seq, hash) select seq, hash from audit_log where seq between ? and ? order by seq',
          [firstSeq, lastSeq],
        );
        await trx.raw(`select set_config('audit.archive_through', ?, true)`, [String(lastSeq)]);
        await trx.raw('delete from audit_log where seq <= ?', [lastSeq]);
        const left = Number((await trx('audit_log').where('seq', '<=', lastSeq).count({ n: '*' }).first())!.n);
        if (left !== 0) throw new Error(`${left} archived entries are still in the log; nothing was archived`);
        const after = {
          firstSeq,
          lastSeq,
          lastHash: checkpoint.headHash,
          checkpointSize: lastSeq,
          archivedBefore: request.before.toISOString(),
          file: path.basename(file),
          fileDigest: digest,
        };
        return {
          entries: [
            registerChangeEntry({
              action: archiveAction,
              actor: 'audit-cli',
              target: 'audit-log',
              before: null,
              after,
            }),
          ],
          result: null,
        };
      })
      .catch((error: unknown) => {
        fs.rmSync(file, { force: true });
        throw error;
      });
    return { archived: true, firstSeq, lastSeq, count, file, digest };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
