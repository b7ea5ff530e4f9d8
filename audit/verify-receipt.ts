// Checks a receipt offline with nothing but the JWKS published at /.well-known/audit-keys.json: the checkpoint's
// signature, that the entry's content gives its hash, and that the inclusion proof leads from that hash to the
// signed root. The checkpoint's own copy of size and hashes is ignored; only its signed payload counts.
import { readCheckpoint } from './checkpoint-token.ts';
import { entryHash } from './entry-hash.ts';
import { verifyInclusion } from './merkle.ts';
import type { Receipt } from './receipts.ts';
import type { Jwks } from './signing-keys.ts';

export type ReceiptCheck = { ok: true; checkpointTime: string; treeSize: number } | { ok: false; problem: string };

export async function verifyReceipt(receipt: Receipt, jwks: Jwks): Promise<ReceiptCheck> {
  const { entry, inclusionProof: proof } = receipt ?? {};
  if (!entry || !proof || !receipt.checkpoint) return { ok: false, problem: 'it is not a receipt' };
  const reading = await readCheckpoint(receipt.checkpoint.jws, jwks);
  if (!reading.ok) return { ok: false, problem: `the checkpoint cannot be trusted: ${reading.reason}` };
  const signed = reading.checkpoint;
  if (receipt.auditId !== entry.id) return { ok: false, problem: 'the entry is not the one the receipt is for' };
  let recomputed: string;
  try {
    recomputed = entryHash(entry);
  } catch {
    return { ok: false, problem: 'the entry cannot be hashed' };
  }
  if (recomputed !== entry.hash) return { ok: false, problem: 'the entry does not match its hash' };
  if (proof.leafIndex !== entry.seq - 1 || proof.treeSize !== signed.size) {
    return { ok: false, problem: 'the proof is not for this entry in the signed tree' };
  }
  if (!verifyInclusion(entry.hash, proof.leafIndex, signed.size, proof.hashes, signed.rootHash)) {
    return { ok: false, problem: 'the inclusion proof does not lead to the signed root' };
  }
  return { ok: true, checkpointTime: signed.time, treeSize: signed.size };
}
