// Verification: reads the whole log in seq order, recomputes every entry's hash and its link to the one before,
// checks seq has no gaps, and checks every signed checkpoint against the entries it covers. It stops at the first
// entry that does not fit and names it (see tamper-diagnosis.ts). Entries appended while it runs are left for the
// next run: it verifies up to the head it saw when it started.
import type { Knex } from 'knex';
import { chainBatches, headSeq, readChainRows, rowHashes } from './chain-reader.ts';
import { readCheckpoint } from './checkpoint-token.ts';
import { listCheckpoints } from './checkpoints.ts';
import { MerkleFrontier } from './merkle.ts';
import { checkProtection, type Protection } from './protection.ts';
import type { Jwks } from './signing-keys.ts';
import { diagnose, type GoodLink, type TamperKind } from './tamper-diagnosis.ts';
import { genesisHash } from './types.ts';

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
}

export interface VerifyOptions {
  /** The public keys checkpoints must be signed with: the gateway's own, or a JWKS the DPO holds. */
  jwks: Jwks;
  batchSize?: number;
  /** Also check the jsonb body that queries read against the hashed text (automatic when protection is off). */
  deep?: boolean;
  onProgress?: (progress: { checked: number; total: number }) => void;
}

interface PendingCheckpoint { size: number; headHash: string; rootHash: string; time: string; problem?: string }

export async function verifyLog(db: Knex, options: VerifyOptions): Promise<VerificationResult> {
  const batchSize = options.batchSize ?? 10_000;
  // Checkpoints first, then the head: a checkpoint beyond the head can then only mean entries were removed.
  const protection = await checkProtection(db);
  const depth = options.deep || !protection.bodyGenerated ? 'deep' : 'hashed-text';
  const checkpoints = await signedCheckpoints(db, options.jwks);
  const head = await headSeq(db);
  let checked = 0;
  let checkpointsChecked = 0;
  let lastMatched = 0;
  const result = (firstBad?: VerificationResult['firstBad']): VerificationResult =>
    ({ ok: firstBad === undefined && protection.intact, checked, head, checkpointsChecked, ...(firstBad ? { firstBad } : {}), protection });

  const frontier = new MerkleFrontier();
  let cpIndex = 0;
  let expected = 1;
  let prevHash = genesisHash;
  let last: GoodLink | null = null;
  for await (const rows of chainBatches(db, 0, head, batchSize, depth)) {
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (row.seq !== expected || row.prevHash !== prevHash || !rowHashes(row)) {
        let following = rows.slice(i + 1, i + 65);
        if (following.length < 64) following = following.concat(await readChainRows(db, rows[rows.length - 1]!.seq, head, 64, depth));
        checked += i;
        return result(diagnose(last, row, expected, prevHash, following));
      }
      frontier.append(row.hash);
      const cp = checkpoints[cpIndex];
      if (cp !== undefined && cp.size === row.seq) {
        cpIndex += 1;
        checkpointsChecked += 1;
        if (cp.problem) {
          checked += i + 1;
          return result({ seq: cp.size, problem: 'bad-checkpoint', detail: `the checkpoint at ${cp.size} cannot be trusted: ${cp.problem}` });
        }
        if (cp.headHash !== row.hash || cp.rootHash !== frontier.root()) {
          checked += i + 1;
          return result({
            seq: lastMatched + 1, problem: 'rewritten',
            detail: `entries ${lastMatched + 1}–${cp.size} are not the ones the checkpoint signed at ${cp.time} covers`,
          });
        }
        lastMatched = cp.size;
      }
      last = row;
      prevHash = row.hash;
      expected += 1;
    }
    checked += rows.length;
    options.onProgress?.({ checked, total: head });
  }
  if (expected <= head) return result({ seq: expected, problem: 'deleted', detail: `entries ${expected}–${head} are missing` });
  const beyond = checkpoints[cpIndex];
  if (beyond !== undefined) {
    return result({ seq: head + 1, problem: 'deleted', detail: `the log ends at ${head}, but a checkpoint signed at ${beyond.time} covers ${beyond.size} entries` });
  }
  return result();
}

/** Every checkpoint in size order, each with its signed payload or the reason it cannot be trusted. */
async function signedCheckpoints(db: Knex, jwks: Jwks): Promise<PendingCheckpoint[]> {
  const rows = await listCheckpoints(db);
  return Promise.all(rows.map(async (row): Promise<PendingCheckpoint> => {
    const reading = await readCheckpoint(row.jws, jwks);
    if (!reading.ok) return { size: row.size, headHash: '', rootHash: '', time: '', problem: reading.reason };
    const signed = reading.checkpoint;
    if (signed.size !== row.size || signed.headHash !== row.headHash || signed.rootHash !== row.rootHash) {
      return { ...signed, size: row.size, problem: 'its stored columns differ from what was signed' };
    }
    return signed;
  }));
}
