// Retention (audit/RETENTION.md): entries older than the retention period leave the database as whole segments,
// each in an archive file in the export format that still verifies offline. The log stays append-only but for
// that one audited exception, and the chain in the database continues from the archive's last hash.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditAppender } from '../../audit/append.ts';
import { createCheckpointer } from '../../audit/checkpoints.ts';
import { ArchiveRefused, archiveBefore, fileLines, type ArchiveOutcome } from '../../audit/retention.ts';
import { appendSampleEntries } from '../../audit/sample-entries.ts';
import { memoryKeyRing } from '../../audit/signing-keys.ts';
import { verifyExport } from '../../audit/verify-export.ts';
import { createReceipts } from '../../audit/receipts.ts';
import { toEntry } from '../../audit/read.ts';
import { verifyReceipt } from '../../audit/verify-receipt.ts';
import { verifyLog } from '../../audit/verify.ts';
import { migrate } from '../../schema/migrations.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

const keys = memoryKeyRing();
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-archive-'));
let database: TestDatabase;
let db: Knex;
/** The sizes of the three checkpoints: after entries of January 2019, of June 2019, and of today. */
const sizes: number[] = [];

async function grow(n: number, at?: Date) {
  const clock = at ? () => at : undefined;
  await appendSampleEntries(createAuditAppender(db, clock), n, 25);
  sizes.push(
    (await createCheckpointer(db, keys, { every: 1_000_000, seconds: 0, ...(clock ? { clock } : {}) }).checkpointNow())!
      .size,
  );
}

const archive = (before: string) =>
  archiveBefore(
    { db, appender: createAuditAppender(db), keys, retentionDays: 2190 },
    { before: new Date(before), outDir },
  );
const verify = async () => verifyLog(db, { jwks: await keys.jwks() });
const verifyFile = async (file: string) => verifyExport(fileLines(file), await keys.jwks());
const rowsUpTo = async (seq: number) =>
  Number((await db('audit_log').where('seq', '<=', seq).count({ n: '*' }).first())!.n);
const lastLine = (file: string) =>
  JSON.parse(fs.readFileSync(file, 'utf8').trimEnd().split('\n').pop()!) as { seq: number; hash: string };
/** Runs SQL as the superuser with every trigger on the table switched off, as an insider would. */
async function tamper(table: string, sql: string, bindings: unknown[] = []) {
  await db.raw(`alter table ${table} disable trigger user`);
  try {
    await db.raw(sql, bindings as never);
  } finally {
    await db.raw(`alter table ${table} enable trigger user`);
  }
}

let first: Extract<ArchiveOutcome, { archived: true }>;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await migrate(db);
  await grow(30, new Date('2019-01-15T09:00:00Z'));
  await grow(30, new Date('2019-06-15T09:00:00Z'));
  await grow(30);
  const outcome = await archive('2019-03-01T00:00:00Z');
  if (!outcome.archived) throw new Error(outcome.reason);
  first = outcome;
});
afterAll(async () => {
  await database.drop();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('archiving the entries before a date', () => {
  it('cuts at the signed checkpoint and takes the entries out of the database', async () => {
    expect(first).toMatchObject({ firstSeq: 1, lastSeq: sizes[0], count: sizes[0] });
    expect(await rowsUpTo(sizes[0]!)).toBe(0);
    expect(await rowsUpTo(sizes[1]!)).toBe(sizes[1]! - sizes[0]!);
  });

  it('writes a file that verifies offline, whose digest the database and the log record', async () => {
    expect(await verifyFile(first.file)).toEqual({ ok: true, checked: sizes[0], keys: 'supplied' });
    const digest = createHash('sha256').update(fs.readFileSync(first.file)).digest('hex');
    expect(first.digest).toBe(digest);
    expect(await db('audit_archives').first('file_digest', 'last_seq')).toEqual({
      file_digest: digest,
      last_seq: sizes[0],
    });
    const recorded = (await db('audit_log').where({ kind: 'register-change' }).orderBy('seq', 'desc').first()).body;
    expect(recorded).toMatchObject({
      action: 'audit-archive',
      after: { firstSeq: 1, lastSeq: sizes[0], fileDigest: digest },
    });
  });

  it("leaves a chain in the database that verifies and continues from the archive's last hash", async () => {
    const result = await verify();
    expect(result).toMatchObject({
      ok: true,
      head: sizes[2]! + 1,
      checked: sizes[2]! + 1 - sizes[0]!,
      checkpointsChecked: 3,
    });
    const next = await db('audit_log')
      .where({ seq: sizes[0]! + 1 })
      .first('prev_hash');
    expect(next.prev_hash).toBe(lastLine(first.file).hash);
  });

  it('still gives receipts that verify for the entries left, their proofs reaching over the archived hashes', async () => {
    const checkpointer = createCheckpointer(db, keys, { every: 1_000_000, seconds: 0 });
    const receiptFor = createReceipts({ db, checkpoints: checkpointer, keysUrl: '/.well-known/audit-keys.json' });
    const entry = toEntry(
      await db('audit_log')
        .where({ seq: sizes[0]! + 2 })
        .first(),
    );
    const receipt = await receiptFor(entry);
    expect(receipt!.inclusionProof.treeSize).toBeGreaterThan(sizes[0]!);
    expect(await verifyReceipt(receipt!, await keys.jwks())).toMatchObject({ ok: true });
  });

  it('does nothing the second time with the same date', async () => {
    expect(await archive('2019-03-01T00:00:00Z')).toEqual({
      archived: false,
      reason: expect.stringMatching(/^entries up to \d+ are archived already/),
    });
    expect(Number((await db('audit_archives').count({ n: '*' }).first())!.n)).toBe(1);
  });

  it('refuses a date within the retention period, and archives nothing', async () => {
    await expect(archive(new Date(Date.now() - 86_400_000).toISOString())).rejects.toThrow(ArchiveRefused);
    await expect(archive(new Date(Date.now() - 86_400_000).toISOString())).rejects.toThrow(
      /stay in the database for 2190 days/,
    );
  });

  it('archives the next segment so that it continues the first', async () => {
    const second = await archive('2020-01-01T00:00:00Z');
    expect(second).toMatchObject({ archived: true, firstSeq: sizes[0]! + 1, lastSeq: sizes[1] });
    const file = (second as { file: string }).file;
    expect((await verifyFile(file)).ok).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8').split('\n')[0]!).manifest;
    expect(manifest.firstPrevHash).toBe(lastLine(first.file).hash);
    expect(await verify()).toMatchObject({ ok: true, checkpointsChecked: 3 });
  });
});

describe('the append-only log around archives', () => {
  it('still refuses a DELETE outside an archive, even with the archive setting made by hand', async () => {
    const seq = sizes[1]! + 1;
    await expect(db.raw('delete from audit_log where seq = ?', [seq])).rejects.toThrow(/append-only/);
    await expect(
      db.transaction(async (trx) => {
        await trx.raw(`select set_config('audit.archive_through', ?, true)`, [String(sizes[2])]);
        await trx.raw('delete from audit_log where seq = ?', [seq]);
      }),
    ).rejects.toThrow(/append-only/);
    await expect(db.raw('update audit_archives set file_digest = ?', ['0'.repeat(64)])).rejects.toThrow(/append-only/);
    await expect(db.raw('delete from audit_archived_hashes')).rejects.toThrow(/append-only/);
    expect(await rowsUpTo(seq)).toBe(1);
  });

  it('refuses an archive row that does not end at a signed checkpoint', async () => {
    await expect(
      db('audit_archives').insert({
        first_seq: sizes[1]! + 1,
        last_seq: sizes[1]! + 3,
        last_hash: 'f'.repeat(64),
        checkpoint_jws: 'x',
        archived_before: new Date(),
        file_name: 'forged.jsonl',
        file_digest: '0'.repeat(64),
      }),
    ).rejects.toThrow(/signed checkpoint/);
  });

  it('detects an edited archive file', async () => {
    const lines = fs.readFileSync(first.file, 'utf8').split('\n');
    lines[5] = lines[5]!.replace('"home-office-ie"', '"hmrc"');
    const edited = path.join(outDir, 'edited.jsonl');
    fs.writeFileSync(edited, lines.join('\n'));
    expect((await verifyFile(edited)).firstBad).toMatchObject({ seq: 5, problem: 'edited' });
  });

  it('detects an edited entry that remains in the database', async () => {
    const seq = sizes[1]! + 2;
    await tamper(
      'audit_log',
      `update audit_log set body_canonical = replace(body_canonical, '"home-office-ie"', '"hmrc"') where seq = ?`,
      [seq],
    );
    try {
      expect((await verify()).firstBad).toMatchObject({ seq, problem: 'edited' });
    } finally {
      await tamper(
        'audit_log',
        `update audit_log set body_canonical = replace(body_canonical, '"hmrc"', '"home-office-ie"') where seq = ?`,
        [seq],
      );
    }
    expect((await verify()).ok).toBe(true);
  });

  it('detects an archived hash changed behind the archive, through the signed checkpoints', async () => {
    const { hash } = await db('audit_archived_hashes').where({ seq: 3 }).first('hash');
    await tamper('audit_archived_hashes', 'update audit_archived_hashes set hash = ? where seq = 3', ['e'.repeat(64)]);
    try {
      expect((await verify()).firstBad).toMatchObject({ seq: 1, problem: 'rewritten' });
    } finally {
      await tamper('audit_archived_hashes', 'update audit_archived_hashes set hash = ? where seq = 3', [hash]);
    }
  });

  it('detects the first entry after the archive deleted', async () => {
    const seq = sizes[1]! + 1;
    await tamper('audit_log', 'delete from audit_log where seq = ?', [seq]);
    expect((await verify()).firstBad).toMatchObject({ seq, problem: 'deleted' });
  });
});
