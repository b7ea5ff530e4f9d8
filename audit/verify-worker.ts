// A verification worker (verify-parallel.ts): reads its own ranges of the log on its own connection and checks
// each entry's seq, its link to the entry before within the range, and its hash; answers with every leaf hash of
// the Merkle tree (32 bytes an entry, transferred, not copied) and the hashes the checkpoints in the range sign.
// The main thread joins ranges, so links across range ends, the tree and the checkpoints are checked there.
import { parentPort, workerData } from 'node:worker_threads';
import knexFactory from 'knex';
import pg from 'pg';
import { readChainRows, rowHashes } from './chain-reader.ts';
import { searchColumnsStale } from './protection.ts';
import { leafHash } from './merkle.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export interface RangeTask {
  id: number;
  after: number;
  through: number;
  checkpointSizes: number[];
}
export interface RangeResult {
  id: number;
  count: number;
  firstPrevHash: string | null;
  lastHash: string | null;
  /** Index in the range of the first entry that does not verify on its own, or -1. */
  bad: number;
  leaves: ArrayBuffer;
  checkpointHashes: Record<number, string>;
  /** Entries of the range whose search columns do not say what their hashed text says, and the first of them. */
  stale: number;
  firstStale: number | null;
}

// Two connections: the next range is already being read while this one is hashed.
const db = knexFactory({
  client: 'pg',
  connection: (workerData as { databaseUrl: string }).databaseUrl,
  pool: { min: 1, max: 2 },
});

parentPort!.on('message', (task: RangeTask | 'stop') => {
  if (task === 'stop') {
    void db.destroy().finally(() => parentPort!.close());
    return;
  }
  void check(task).then(
    (result) => parentPort!.postMessage(result, [result.leaves]),
    (error: Error) => parentPort!.postMessage({ id: task.id, error: error.message }),
  );
});

async function check(task: RangeTask): Promise<RangeResult> {
  // The search columns are checked in the same read, so the table is passed over once, by the workers together.
  const rows = await readChainRows(
    db,
    task.after,
    task.through,
    task.through - task.after,
    'hashed-text',
    searchColumnsStale,
  );
  const leaves = new ArrayBuffer(32 * rows.length);
  const view = Buffer.from(leaves);
  const checkpointHashes: Record<number, string> = {};
  let bad = -1;
  let stale = 0;
  let firstStale: number | null = null;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.flagged) {
      stale += 1;
      firstStale ??= row.seq;
    }
    if (row.seq !== task.after + 1 + i || (i > 0 && row.prevHash !== rows[i - 1]!.hash) || !rowHashes(row)) {
      bad = i;
      break;
    }
    leafHash(row.hash).copy(view, 32 * i);
    if (task.checkpointSizes.includes(row.seq)) checkpointHashes[row.seq] = row.hash;
  }
  return {
    id: task.id,
    count: rows.length,
    firstPrevHash: rows[0]?.prevHash ?? null,
    lastHash: rows.at(-1)?.hash ?? null,
    bad,
    leaves,
    checkpointHashes,
    stale,
    firstStale,
  };
}
