// Checks the archive files against what the database recorded of them: each archived segment's file is present,
// has the digest recorded when it was archived, verifies offline, and covers exactly the segment, so that the
// files and the database together verify the whole log from its first entry.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { fileLines } from './retention.ts';
import { listArchives } from './retention-store.ts';
import type { Jwks } from './signing-keys.ts';
import { verifyExport } from './verify-export.ts';

export type ArchiveFilesCheck =
  | { ok: true; files: number; entries: number }
  | { ok: false; seq: number | null; file: string; problem: string };

async function digestOf(file: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) digest.update(chunk as Buffer);
  return digest.digest('hex');
}

export async function checkArchiveFiles(db: Knex, dir: string, jwks: Jwks): Promise<ArchiveFilesCheck> {
  let entries = 0;
  const archives = await listArchives(db);
  for (const archive of archives) {
    const file = path.join(dir, archive.fileName);
    const fail = (seq: number | null, problem: string): ArchiveFilesCheck => ({
      ok: false,
      seq,
      file: archive.fileName,
      problem,
    });
    if (!fs.existsSync(file))
      return fail(archive.firstSeq, `the archive of entries ${archive.firstSeq}–${archive.lastSeq} is not in ${dir}`);
    if ((await digestOf(file)) !== archive.fileDigest)
      return fail(archive.firstSeq, 'the file is not the one archived: its SHA-256 differs from the one recorded');
    const check = await verifyExport(fileLines(file), jwks);
    if (!check.ok) return fail(check.firstBad!.seq, check.firstBad!.detail);
    const manifest = (
      JSON.parse(await firstLine(file)) as { manifest: { firstSeq: number; lastSeq: number; lastHash: string } }
    ).manifest;
    if (
      manifest.firstSeq !== archive.firstSeq ||
      manifest.lastSeq !== archive.lastSeq ||
      manifest.lastHash !== archive.lastHash
    ) {
      return fail(
        archive.firstSeq,
        `the file does not cover entries ${archive.firstSeq}–${archive.lastSeq} ending in the hash recorded`,
      );
    }
    entries += check.checked;
  }
  return { ok: true, files: archives.length, entries };
}

async function firstLine(file: string): Promise<string> {
  const lines = fileLines(file)[Symbol.asyncIterator]();
  try {
    return (await lines.next()).value ?? '';
  } finally {
    await lines.return?.();
  }
}
