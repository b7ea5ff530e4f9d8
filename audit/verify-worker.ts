// A verification worker (verify-parallel.ts): reads its own ranges of the log on its own connection and checks
// each entry's seq, its link to the entry before within the range, its hash, and that its search columns say what
// its hashed text says; answers with every leaf hash of the Merkle tree (32 bytes an entry, transferred, not
// copied) and the hashes the checkpoints in the range sign. The main thread joins ranges, so links across range
// ends, the tree and the checkpoints are checked there.
// Each range is one query whose rows are checked as they arrive (chain-stream.ts).
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';
import { rowHashes } from './chain-reader.ts';
import { Field, streamChainRange } from './chain-stream.ts';
import { leafHash } from './merkle.ts';
import { searchColumnsStale } from './protection.ts';
import { searchColumnsAgree, type SearchColumns } from './search-fields.ts';

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

// One connection: the driver sends a range's query as soon as the one before it has ended (the main thread keeps
// two ranges in flight a worker), and each range's rows are checked as they arrive.
const client = new pg.Client({ connectionString: (workerData as { databaseUrl: string }).databaseUrl });
const connected = client.connect();

parentPort!.on('message', (task: RangeTask | 'stop') => {
  if (task === 'stop') {
    void client.end().finally(() => parentPort!.close());
    return;
  }
  void connected
    .then(() => check(task))
    .then(
      (result) => parentPort!.postMessage(result, [result.leaves]),
      (error: Error) => parentPort!.postMessage({ id: task.id, error: error.message }),
    );
});

async function check(task: RangeTask): Promise<RangeResult> {
  const size = task.through - task.after;
  const leaves = new ArrayBuffer(32 * size);
  const view = Buffer.from(leaves);
  const checkpointHashes: Record<number, string> = {};
  const columns: SearchColumns = [null, null, null, null, null];
  // Entries whose search columns could not be decided from the text: PostgreSQL compares those, after the read.
  const unsure: number[] = [];
  let bad = -1;
  let count = 0;
  let firstPrevHash: string | null = null;
  let lastHash: string | null = null;
  await streamChainRange(client, pg.Query, task.after, task.through, (fields) => {
    const i = count++;
    if (bad !== -1) return;
    const row = {
      seq: task.after + 1 + i,
      id: fields[Field.id]!,
      recordedAtUs: fields[Field.recordedAtUs]!,
      kind: fields[Field.kind]!,
      body: fields[Field.body]!,
      prevHash: fields[Field.prevHash]!,
      hash: fields[Field.hash]!,
    };
    if (i === 0) firstPrevHash = row.prevHash;
    if (i >= size || fields[Field.seq] !== String(row.seq) || (i > 0 && row.prevHash !== lastHash) || !rowHashes(row)) {
      bad = i;
      return;
    }
    lastHash = row.hash;
    leafHash(row.hash).copy(view, 32 * i);
    if (task.checkpointSizes.includes(row.seq)) checkpointHashes[row.seq] = row.hash;
    for (let c = 0; c < 5; c++) columns[c] = fields[Field.firstSearchColumn + c]!;
    if (!searchColumnsAgree(row.body, columns)) unsure.push(row.seq);
  });
  let stale = 0;
  let firstStale: number | null = null;
  if (bad === -1 && unsure.length > 0) {
    const { rows } = await client.query<{ n: number; first: number | null }>(
      `select count(*)::int as n, min(seq)::int as first from audit_log where seq = any($1::bigint[]) and (${searchColumnsStale})`,
      [unsure],
    );
    stale = rows[0]!.n;
    firstStale = rows[0]!.first;
  }
  return { id: task.id, count, firstPrevHash, lastHash, bad, leaves, checkpointHashes, stale, firstStale };
}
