// A receipt proves to the party that made an exchange that its entry is in the log: the entry, a signed checkpoint
// whose tree covers it, and the RFC 6962 inclusion proof from the entry's hash to that checkpoint's root.
// verify-receipt.ts checks one with nothing but the published JWKS.
import type { Knex } from 'knex';
import type { CheckpointRow } from './checkpoints.ts';
import { storedInclusionProof, TreeTooSmallError } from './tree-store.ts';
import type { AuditEntry } from './types.ts';

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  hashes: string[];
}

export interface Receipt {
  auditId: string;
  entry: AuditEntry;
  checkpoint: { jws: string; size: number; headHash: string; rootHash: string; time: string; kid: string };
  inclusionProof: InclusionProof;
  keys: string;
}

/**
 * The proof that entry `seq` is in the tree of `treeSize` entries, read from the stored tree: O(log treeSize) rows.
 * A tree behind the checkpoint (a log signed before the tree was stored) is first grown by the checkpointer.
 */
export async function proveInclusion(
  db: Knex,
  seq: number,
  treeSize: number,
  growTree?: () => Promise<unknown>,
): Promise<InclusionProof> {
  const proof = () => storedInclusionProof(db, seq - 1, treeSize);
  let hashes: string[];
  try {
    hashes = await proof();
  } catch (error) {
    if (!(error instanceof TreeTooSmallError) || !growTree) throw error;
    await growTree();
    hashes = await proof();
  }
  return { leafIndex: seq - 1, treeSize, hashes };
}

export interface ReceiptDeps {
  db: Knex;
  checkpoints: { covering(seq: number): Promise<CheckpointRow | null>; checkpointNow(): Promise<unknown> };
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
        jws: checkpoint.jws,
        size: checkpoint.size,
        headHash: checkpoint.headHash,
        rootHash: checkpoint.rootHash,
        time: checkpoint.signedAt,
        kid: checkpoint.keyId,
      },
      inclusionProof: await proveInclusion(deps.db, entry.seq, checkpoint.size, deps.checkpoints.checkpointNow),
      keys: deps.keysUrl,
    };
  };
}
