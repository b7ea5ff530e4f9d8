// Full verification split across worker threads (issue 16): each worker reads and checks ranges of the log on its
// own connection (the costly part: every entry's preimage hashed), and the main thread joins the ranges in order,
// checking the links across their ends, growing the Merkle tree from the workers' leaf hashes and checking every
// checkpoint. It answers exactly as verifyLog does: when anything does not verify, or the log has an archived
// segment, or the database is embedded (workers cannot share it), verifyLog runs and its answer is given, so
// what a DPO is told about a bad entry never depends on how the work was split.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Knex } from 'knex';
import { headSeq } from './chain-reader.ts';
import { readCheckpoint } from './checkpoint-token.ts';
import { listCheckpoints } from './checkpoints.ts';
import { MerkleFrontier } from './merkle.ts';
import { checkProtection, staleSearchColumnsProblem } from './protection.ts';
import { archiveProtectionProblems } from './retention-protection.ts';
import { latestArchive } from './retention-store.ts';
import type { Jwks } from './signing-keys.ts';
import { genesisHash } from './types.ts';
import type { RangeResult, RangeTask } from './verify-worker.ts';
import { storedTreeProblem, verifyLog, type VerificationResult } from './verify.ts';
import { witnessReport } from './witness-report.ts';

export interface ParallelVerifyOptions {
  jwks: Jwks;
  /** The PostgreSQL server the workers connect to (the same database as db). */
  databaseUrl: string | null;
  workers?: number;
  batchSize?: number;
}

export async function verifyLogInParallel(
  db: Knex,
  options: ParallelVerifyOptions,
): Promise<VerificationResult & { workers: number }> {
  const workers = options.workers ?? Math.max(1, os.availableParallelism());
  const sequential = async () => ({ ...(await verifyLog(db, { jwks: options.jwks })), workers: 0 });
  // The triggers and the generated body here; the search columns in the workers' own reads of their ranges, so
  // the table is passed over once (a separate scan of every entry's jsonb cost as much as the read itself).
  const protection = await checkProtection(db, { searchColumns: false });
  if (options.databaseUrl === null || !protection.bodyGenerated || (await latestArchive(db)) !== null)
    return sequential();
  const archiveProblems = await archiveProtectionProblems(db);
  const checkpoints = await listCheckpoints(db);
  const head = await headSeq(db);
  const signed = await Promise.all(
    checkpoints.map(async (row) => ({ row, reading: await readCheckpoint(row.jws, options.jwks) })),
  );
  if (
    signed.some(
      ({ row, reading }) =>
        !reading.ok ||
        reading.checkpoint.size !== row.size ||
        reading.checkpoint.rootHash !== row.rootHash ||
        reading.checkpoint.headHash !== row.headHash,
    )
  )
    return sequential();
  if (checkpoints.some((c) => c.size > head)) return sequential();

  const joined = await joinRanges(
    head,
    checkpoints.map((c) => c.size),
    options.databaseUrl,
    workers,
    options.batchSize ?? 10_000,
  );
  if (!joined) return sequential();
  for (const { row } of signed) {
    const at = joined.checkpoints.get(row.size);
    if (!at || at.headHash !== row.headHash || at.root !== row.rootHash) return sequential();
  }
  if (joined.stale > 0) {
    protection.problems.push(staleSearchColumnsProblem(joined.stale, joined.firstStale!));
    protection.intact = false;
  }
  // The stored tree (CHAIN.md §12), as verifyLog checks it: proofs served from a damaged one would not verify.
  const treeProblem = await storedTreeProblem(db);
  const problems = [...archiveProblems, ...(treeProblem ? [treeProblem] : [])];
  const intact = protection.intact && problems.length === 0;
  const result = {
    ok: intact,
    checked: head,
    head,
    checkpointsChecked: checkpoints.length,
    protection:
      problems.length === 0
        ? protection
        : { ...protection, intact: false, problems: [...protection.problems, ...problems] },
  };
  return { ...result, witnesses: await witnessReport(db, head), workers };
}

/** Runs the ranges on the workers, a few in flight each, and joins them in seq order; null at the first break. */
async function joinRanges(
  head: number,
  checkpointSizes: number[],
  databaseUrl: string,
  workerCount: number,
  batchSize: number,
) {
  const pool = workersFor(databaseUrl, workerCount);
  const tasks: RangeTask[] = [];
  for (let after = 0, id = 0; after < head; after += batchSize, id++) {
    const through = Math.min(after + batchSize, head);
    tasks.push({ id, after, through, checkpointSizes: checkpointSizes.filter((s) => s > after && s <= through) });
  }
  const results = new Map<number, RangeResult>();
  let waiting: ((result: RangeResult | Error) => void) | null = null;
  let failure: Error | null = null;
  let next = 0;
  const dispatch = (worker: Worker) => {
    if (next < tasks.length) worker.postMessage(tasks[next++]);
  };
  const listeners = pool.map((worker) => {
    const onMessage = (message: RangeResult | { id: number; error: string }) => {
      if ('error' in message) failure ??= new Error(message.error);
      else results.set(message.id, message);
      dispatch(worker);
      waiting?.('error' in message ? failure! : message);
    };
    const onError = (error: Error) => {
      failure ??= error;
      waiting?.(error);
    };
    worker.on('message', onMessage).on('error', onError);
    // Two ranges in flight a worker, so none waits for the main thread to ask.
    dispatch(worker);
    dispatch(worker);
    return { worker, onMessage, onError };
  });
  const resultOf = async (id: number): Promise<RangeResult> => {
    for (;;) {
      if (failure) throw failure;
      const found = results.get(id);
      if (found) {
        results.delete(id);
        return found;
      }
      await new Promise<RangeResult | Error>((resolve) => {
        waiting = resolve;
      });
    }
  };

  try {
    const frontier = new MerkleFrontier();
    const checkpoints = new Map<number, { headHash: string; root: string }>();
    let prevHash = genesisHash;
    let stale = 0;
    let firstStale: number | null = null;
    for (const task of tasks) {
      const result = await resultOf(task.id);
      if (result.bad !== -1 || result.count !== task.through - task.after || result.firstPrevHash !== prevHash)
        return null;
      const leaves = Buffer.from(result.leaves);
      for (let i = 0; i < result.count; i++) {
        frontier.appendLeaf(leaves.subarray(32 * i, 32 * i + 32));
        const seq = task.after + 1 + i;
        if (result.checkpointHashes[seq] !== undefined)
          checkpoints.set(seq, { headHash: result.checkpointHashes[seq]!, root: frontier.root() });
      }
      prevHash = result.lastHash!;
      stale += result.stale;
      firstStale ??= result.firstStale;
    }
    return { checkpoints, stale, firstStale };
  } catch (error) {
    stopVerificationWorkers();
    throw error;
  } finally {
    for (const { worker, onMessage, onError } of listeners) worker.off('message', onMessage).off('error', onError);
    // Ranges still in flight after a break are answered into the void; a broken run's workers are not reused.
    if (next < tasks.length || results.size > 0) stopVerificationWorkers();
  }
}

// Workers outlive one verification (starting one costs about a second: a thread, its module graph and a
// connection), and do not keep the process alive. Key: database URL and count.
const pools = new Map<string, Worker[]>();

function workersFor(databaseUrl: string, count: number): Worker[] {
  const key = `${count}:${databaseUrl}`;
  let pool = pools.get(key);
  if (!pool) {
    pool = Array.from({ length: count }, () => {
      const worker = new Worker(new URL('./verify-worker-entry.mjs', import.meta.url), { workerData: { databaseUrl } });
      worker.unref();
      // A worker that dies between runs (its database went away) is dropped with its pool, never thrown.
      worker.on('error', () => pools.delete(key));
      return worker;
    });
    pools.set(key, pool);
  }
  return pool;
}

/** Ends every verification worker (tests and tools that finish call it; an idle worker never blocks an exit). */
export function stopVerificationWorkers(): void {
  for (const pool of pools.values()) for (const worker of pool) void worker.terminate();
  pools.clear();
}
