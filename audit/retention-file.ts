// The file an archived segment goes to: exactly the export format (export.ts, CHAIN.md "Exports"), for the seq
// range firstSeq–lastSeq, so `npm run audit -- verify-export` checks it with no database. The segment ends at a
// signed checkpoint of size lastSeq; the inclusion proof of its last entry in that tree is the Merkle frontier
// of the lastSeq − 1 entries before it (the subtree roots, nearest first), so it is made by streaming hashes,
// whether they are still in the log or were archived before.
import { CompactSign } from 'jose';
import type { Knex } from 'knex';
import { canonicalJson } from './canonical.ts';
import { chainBatches, readChainRows } from './chain-reader.ts';
import type { CheckpointRow } from './checkpoints.ts';
import { entryLine, manifestLine, manifestType, type ExportManifest } from './export.ts';
import { MerkleFrontier, verifyInclusion } from './merkle.ts';
import { hashesThrough } from './retention-store.ts';
import type { AuditKeyRing } from './signing-keys.ts';

export interface Segment {
  firstSeq: number;
  lastSeq: number;
  checkpoint: CheckpointRow;
}

export interface ArchiveFileDeps {
  db: Knex;
  keys: Pick<AuditKeyRing, 'active' | 'jwks'>;
  clock?: () => Date;
  onProgress?: (written: number, total: number) => void;
}

/** The proof that the entry at lastSeq is the last leaf of the tree of lastSeq entries. */
async function lastLeafProof(db: Knex, lastSeq: number): Promise<string[]> {
  const frontier = new MerkleFrontier();
  for await (const hashes of hashesThrough(db, lastSeq - 1)) for (const h of hashes) frontier.append(h);
  if (frontier.leaves !== lastSeq - 1)
    throw new Error(`the database holds ${frontier.leaves} of the ${lastSeq - 1} entry hashes before entry ${lastSeq}`);
  return frontier.toHex().reverse();
}

export async function* archiveLines(deps: ArchiveFileDeps, segment: Segment): AsyncGenerator<string> {
  const { db } = deps;
  const { firstSeq, lastSeq, checkpoint } = segment;
  const [first] = await readChainRows(db, firstSeq - 1, firstSeq, 1);
  const [last] = await readChainRows(db, lastSeq - 1, lastSeq, 1);
  if (!first || !last) throw new Error(`entries ${firstSeq}–${lastSeq} are not all in the log`);
  const hashes = await lastLeafProof(db, lastSeq);
  if (!verifyInclusion(last.hash, lastSeq - 1, lastSeq, hashes, checkpoint.rootHash)) {
    throw new Error(
      `the entries up to ${lastSeq} are not the ones the checkpoint signed at ${checkpoint.signedAt} covers`,
    );
  }
  const manifest: ExportManifest = {
    format: 'audit-export/1',
    entries: 'jsonl',
    from: null,
    to: null,
    count: lastSeq - firstSeq + 1,
    firstSeq,
    lastSeq,
    firstPrevHash: first.prevHash,
    firstHash: first.hash,
    lastHash: last.hash,
    checkpoint: { jws: checkpoint.jws },
    inclusionProof: { leafIndex: lastSeq - 1, treeSize: lastSeq, hashes },
    generatedAt: (deps.clock?.() ?? new Date()).toISOString(),
  };
  const key = await deps.keys.active();
  const signature = await new CompactSign(new TextEncoder().encode(canonicalJson(manifest)))
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid, typ: manifestType })
    .sign(key.privateKey);
  yield manifestLine({ ...manifest, keys: await deps.keys.jwks(), signature }, 'jsonl');
  let written = 0;
  for await (const batch of chainBatches(db, firstSeq - 1, lastSeq, 10_000)) {
    for (const row of batch) yield entryLine(row, 'jsonl');
    written += batch.length;
    deps.onProgress?.(written, manifest.count);
  }
}
