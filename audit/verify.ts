// Verification: reads the whole log in seq order, recomputes every entry's hash and its link to the one before,
// checks seq has no gaps, and checks every signed checkpoint against the entries it covers. It stops at the first
// entry that does not fit and names it (see tamper-diagnosis.ts). Entries appended while it runs are left for the
// next run: it verifies up to the head it saw when it started.
// After an archive (retention.ts) the log in the database starts after the archived segment: the hashes of the
// archived entries, kept in audit_archived_hashes, are replayed through the Merkle tree so every checkpoint is still
// checked, the segment must end at a signed checkpoint, the first remaining entry must point back to the archive's
// last hash, and the archive must itself be recorded in the log. The archived entries' content is checked from
// the archive file (verify-export.ts), whose digest audit_archives holds.
import type { Knex } from 'knex';
import { chainBatches, headSeq, readChainRows, rowHashes } from './chain-reader.ts';
import { readCheckpoint } from './checkpoint-token.ts';
import { listCheckpoints } from './checkpoints.ts';
import { MerkleFrontier } from './merkle.ts';
import { checkProtection, staleSearchColumns, type Protection } from './protection.ts';
import { archiveProtectionProblems } from './retention-protection.ts';
import { archiveAction, archivedHashBatches, latestArchive, type ArchiveRow } from './retention-store.ts';
import { searchColumnsAgree, type SearchColumns } from './search-fields.ts';
import type { Jwks } from './signing-keys.ts';
import { diagnose, type GoodLink, type TamperKind } from './tamper-diagnosis.ts';
import { storedRoot, storedTreeSize } from './tree-store.ts';
import { genesisHash, stored } from './types.ts';
import { witnessReport, type WitnessSeen } from './witness-report.ts';

export type VerificationProblem = TamperKind | 'rewritten' | 'bad-checkpoint';

export interface VerificationResult {
  /** Every entry and checkpoint verified, and the database still protects the log. */
  ok: boolean;
  /** Entries whose hash and link were checked. */
  checked: number;
  /** The head the run verified up to. */
  head: number;
  checkpointsChecked: number;
  /** The first entry (or checkpoint) that does not verify. */
  firstBad?: { seq: number; problem: VerificationProblem; detail: string };
  /** Whether the append-only triggers are on and `body` is generated from the hashed text. */
  protection: Protection;
  /** Which witness has cosigned which size, and whether that still holds (witness-report.ts). */
  witnesses: WitnessSeen[];
}

export interface VerifyOptions {
  /** The public keys checkpoints must be signed with: the gateway's own, or a JWKS the DPO holds. */
  jwks: Jwks;
  batchSize?: number;
  /** Also check the jsonb body that queries read against the hashed text (automatic when protection is off). */
  deep?: boolean;
  onProgress?: (progress: { checked: number; total: number }) => void;
}

interface PendingCheckpoint {
  size: number;
  headHash: string;
  rootHash: string;
  time: string;
  problem?: string;
}

export async function verifyLog(db: Knex, options: VerifyOptions): Promise<VerificationResult> {
  const result = await verifyChain(db, options);
  const verifiedThrough = result.firstBad ? result.firstBad.seq - 1 : result.head;
  const treeProblem = await storedTreeProblem(db);
  const protection = treeProblem
    ? { ...result.protection, intact: false, problems: [...result.protection.problems, treeProblem] }
    : result.protection;
  return { ...result, ok: result.ok && !treeProblem, protection, witnesses: await witnessReport(db, verifiedThrough) };
}

/**
 * Whether the stored tree (tree-store.ts) still gives the newest checkpoint's signed root. Proofs are always
 * checked against signed roots, so a damaged tree cannot make a false proof pass; it would make true ones fail,
 * and this says so before a partner finds out. It reads O(log n) rows.
 */
export async function storedTreeProblem(db: Knex): Promise<string | null> {
  const newest = await db('audit_checkpoints').orderBy('size', 'desc').first('size', 'root_hash');
  if (!newest || (await storedTreeSize(db)) < Number(newest.size)) return null;
  const root = await storedRoot(db, Number(newest.size)).catch(() => null);
  return root === newest.root_hash
    ? null
    : `the stored Merkle tree does not give the root signed at ${newest.size} entries: proofs served from it will not verify`;
}

async function verifyChain(db: Knex, options: VerifyOptions): Promise<Omit<VerificationResult, 'witnesses'>> {
  const batchSize = options.batchSize ?? 10_000;
  // The search columns are compared with the hashed text in the walk's own read where `body` is generated from
  // that text (search-fields.ts), so the table is read once, not twice; PostgreSQL compares the entries the text
  // cannot decide, and every entry when the walk stops early or reads deep.
  const database = await checkProtection(db, { searchColumns: false });
  const archiveProblems = await archiveProtectionProblems(db);
  const depth = options.deep || !database.bodyGenerated ? 'deep' : 'hashed-text';
  const searchInRead = depth === 'hashed-text';
  const unsure: number[] = [];
  const searchColumns: SearchColumns = [null, null, null, null, null];
  // Checkpoints first, then the head: a checkpoint beyond the head can then only mean entries were removed.
  const checkpoints = await signedCheckpoints(db, options.jwks);
  const archive = await latestArchive(db);
  const head = await headSeq(db);
  let checked = 0;
  let checkpointsChecked = 0;
  let lastMatched = 0;
  const result = async (firstBad?: VerificationResult['firstBad']): Promise<Omit<VerificationResult, 'witnesses'>> => {
    const stale = await staleSearchColumns(
      db,
      searchInRead && firstBad === undefined ? { seqs: unsure, after: head } : undefined,
    );
    const withStale = stale ? { ...database, intact: false, problems: [...database.problems, stale] } : database;
    const protection = withArchiveProtection(withStale, archiveProblems);
    return {
      ok: firstBad === undefined && protection.intact,
      checked,
      head,
      checkpointsChecked,
      ...(firstBad ? { firstBad } : {}),
      protection,
    };
  };

  const frontier = new MerkleFrontier();
  let cpIndex = 0;
  /** Called with each entry's hash in seq order, once the tree holds it: checks the checkpoint of that size, if any. */
  const checkpointAt = (seq: number, hash: string): VerificationResult['firstBad'] => {
    const cp = checkpoints[cpIndex];
    if (cp === undefined || cp.size !== seq) return undefined;
    cpIndex += 1;
    checkpointsChecked += 1;
    if (cp.problem)
      return {
        seq: cp.size,
        problem: 'bad-checkpoint',
        detail: `the checkpoint at ${cp.size} cannot be trusted: ${cp.problem}`,
      };
    if (cp.headHash !== hash || cp.rootHash !== frontier.root()) {
      return {
        seq: lastMatched + 1,
        problem: 'rewritten',
        detail: `entries ${lastMatched + 1}–${cp.size} are not the ones the checkpoint signed at ${cp.time} covers`,
      };
    }
    lastMatched = cp.size;
    return undefined;
  };

  let expected = 1;
  let prevHash = genesisHash;
  let last: GoodLink | null = null;
  if (archive) {
    const replayed = await replayArchivedHashes(db, archive, frontier, checkpointAt);
    if ('seq' in replayed) return result(replayed);
    if (lastMatched !== archive.lastSeq) {
      return result({
        seq: archive.lastSeq,
        problem: 'bad-checkpoint',
        detail: `the archive of entries ${archive.firstSeq}–${archive.lastSeq} does not end at a signed checkpoint`,
      });
    }
    expected = archive.lastSeq + 1;
    prevHash = archive.lastHash;
    last = replayed.last;
  }
  let archiveRecorded = archive === null;
  for await (const rows of chainBatches(db, expected - 1, head, batchSize, depth, searchInRead)) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.seq !== expected || row.prevHash !== prevHash || !rowHashes(row)) {
        let following = rows.slice(i + 1, i + 65);
        if (following.length < 64)
          following = following.concat(await readChainRows(db, rows[rows.length - 1]!.seq, head, 64, depth));
        checked += i;
        return result(diagnose(last, row, expected, prevHash, following));
      }
      frontier.append(row.hash);
      const bad = checkpointAt(row.seq, row.hash);
      if (bad) {
        checked += i + 1;
        return result(bad);
      }
      if (!archiveRecorded && recordsArchive(row.kind, row.body, archive!)) archiveRecorded = true;
      if (searchInRead) {
        searchColumns[0] = row.exchange!;
        searchColumns[1] = row.agreementId!;
        searchColumns[2] = row.party!;
        searchColumns[3] = row.decision!;
        searchColumns[4] = row.decisionId!;
        if (!searchColumnsAgree(row.body, searchColumns)) unsure.push(row.seq);
      }
      last = row;
      prevHash = row.hash;
      expected += 1;
    }
    checked += rows.length;
    options.onProgress?.({ checked, total: head });
  }
  if (expected <= head)
    return result({ seq: expected, problem: 'deleted', detail: `entries ${expected}–${head} are missing` });
  const beyond = checkpoints[cpIndex];
  if (beyond !== undefined) {
    return result({
      seq: Math.max(head, expected - 1) + 1,
      problem: 'deleted',
      detail: `the log ends at ${expected - 1}, but a checkpoint signed at ${beyond.time} covers ${beyond.size} entries`,
    });
  }
  if (!archiveRecorded) {
    return result({
      seq: archive!.lastSeq + 1,
      problem: 'deleted',
      detail: `entries ${archive!.firstSeq}–${archive!.lastSeq} left the database, but the log holds no entry recording that archive`,
    });
  }
  return result();
}

/**
 * Feeds the hashes of archived entries 1..archive.lastSeq through the tree and the checkpoints. Returns the first
 * problem, or the archive's last entry as the link the remaining chain must continue from.
 */
async function replayArchivedHashes(
  db: Knex,
  archive: ArchiveRow,
  frontier: MerkleFrontier,
  checkpointAt: (seq: number, hash: string) => VerificationResult['firstBad'],
): Promise<NonNullable<VerificationResult['firstBad']> | { last: GoodLink }> {
  let expected = 1;
  let previous = genesisHash;
  let lastHash = genesisHash;
  for await (const rows of archivedHashBatches(db, 0, archive.lastSeq)) {
    for (const { seq, hash } of rows) {
      if (seq !== expected)
        return { seq: expected, problem: 'deleted', detail: `the hash of archived entry ${expected} is missing` };
      frontier.append(hash);
      const bad = checkpointAt(seq, hash);
      if (bad) return bad;
      previous = lastHash;
      lastHash = hash;
      expected += 1;
    }
  }
  if (expected <= archive.lastSeq)
    return {
      seq: expected,
      problem: 'deleted',
      detail: `the hashes of archived entries ${expected}–${archive.lastSeq} are missing`,
    };
  if (lastHash !== archive.lastHash) {
    return {
      seq: archive.lastSeq,
      problem: 'rewritten',
      detail: `the archive of entries ${archive.firstSeq}–${archive.lastSeq} does not end with the hash kept for entry ${archive.lastSeq}`,
    };
  }
  return { last: { seq: archive.lastSeq, hash: lastHash, prevHash: previous } };
}

/** Whether this entry is the one that recorded the archive (its own register-change entry, retention.ts). */
function recordsArchive(kind: string, body: string, archive: ArchiveRow): boolean {
  if (kind !== 'register-change' || !body.includes(archiveAction)) return false;
  try {
    const change = stored('register-change', body).body;
    // The record of an archive run, as retention.ts writes it (the contract keeps a register change's record as given).
    const after = change.after as { lastSeq?: number; fileDigest?: string } | null | undefined;
    return (
      change.action === archiveAction && after?.lastSeq === archive.lastSeq && after.fileDigest === archive.fileDigest
    );
  } catch {
    return false;
  }
}

function withArchiveProtection(protection: Protection, problems: string[]): Protection {
  return problems.length === 0
    ? protection
    : { ...protection, intact: false, problems: [...protection.problems, ...problems] };
}

/** Every checkpoint in size order, each with its signed payload or the reason it cannot be trusted. */
async function signedCheckpoints(db: Knex, jwks: Jwks): Promise<PendingCheckpoint[]> {
  const rows = await listCheckpoints(db);
  return Promise.all(
    rows.map(async (row): Promise<PendingCheckpoint> => {
      const reading = await readCheckpoint(row.jws, jwks);
      if (!reading.ok) return { size: row.size, headHash: '', rootHash: '', time: '', problem: reading.reason };
      const signed = reading.checkpoint;
      if (signed.size !== row.size || signed.headHash !== row.headHash || signed.rootHash !== row.rootHash) {
        return { ...signed, size: row.size, problem: 'its stored columns differ from what was signed' };
      }
      return signed;
    }),
  );
}
