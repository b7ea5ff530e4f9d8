// A receipt proves to the party that made an exchange that its entry is in the log: the entry, a signed checkpoint
// whose tree covers it, and the RFC 6962 inclusion proof from the entry's hash to that checkpoint's root.
// verify-receipt.ts checks one with nothing but the published JWKS.
import type { Knex } from 'knex';
import { hashesThrough } from './retention-store.ts';
import type { CheckpointRow } from './checkpoints.ts';
import { inclusionProof } from './merkle.ts';
import type { AuditEntry } from './types.ts';

export interface InclusionProof { leafIndex: number; treeSize: number; hashes: string[] }

export interface Receipt {
  auditId: string;
  entry: AuditEntry;
  checkpoint: { jws: string; size: number; headHash: string; rootHash: string; time: string; kid: string };
  inclusionProof: InclusionProof;
  keys: string;
}

/**
 * The proof that entry `seq` is in the tree of `treeSize` entries. It reads every entry hash up to treeSize, so it
 * costs O(treeSize); receipts use the smallest checkpoint covering the entry to keep the tree small.
 */
export async function proveInclusion(db: Knex, seq: number, treeSize: number): Promise<InclusionProof> {
  // Entries archived under retention keep their hashes in audit_archived_hashes: the tree still covers them.
  const hashes: string[] = [];
  for await (const batch of hashesThrough(db, treeSize)) hashes.push(...batch);
  if (hashes.length !== treeSize) throw new Error(`the log holds ${hashes.length} of the ${treeSize} entries the checkpoint covers`);
  return { leafIndex: seq - 1, treeSize, hashes: inclusionProof(hashes, seq - 1) };
}

export interface ReceiptDeps {
  db: Knex;
  checkpoints: { covering(seq: number): Promise<CheckpointRow | null> };
  keysUrl: string;
}

export function createReceipts(deps: ReceiptDeps) {
  return async function receiptFor(entry: AuditEntry): Promise<Receipt | null> {
    const checkpoint = await deps.checkpoints.covering(entry.seq);
    if (!checkpoint) return null;
    return {
      auditId: entry.id,
      entry,
      checkpoint: {
        jws: checkpoint.jws, size: checkpoint.size, headHash: checkpoint.headHash, rootHash: checkpoint.rootHash,
        time: checkpoint.signedAt, kid: checkpoint.keyId,
      },
      inclusionProof: await proveInclusion(deps.db, entry.seq, checkpoint.size),
      keys: deps.keysUrl,
    };
  };
}
