// The transparency-log figures of issue 16, a step of its own (`npm run bench -- --transparency`):
// 1. Full verification: a plain scan of the log (in chain-reader.ts's batches, and streamed as the workers read it),
//    the single-threaded verifier and the verifier on worker threads (verify-parallel.ts), best of three rounds
//    each, on a log appended through the real appender.
// 2. Proof cost at two tree sizes (10k and 1M leaves): the stored tree is generated directly into
//    audit_tree_nodes by TreeBuilder from random leaf hashes (appending a million real entries through the chain
//    would take longer than the rest of the bench), since a proof reads only that table. For each size: the time
//    of inclusion and consistency proofs read from the database, the rows each reads, and a check that every proof
//    measured verifies against the stored root.
import { randomBytes, randomInt } from 'node:crypto';
import os from 'node:os';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { createAuditAppender } from '../audit/append.ts';
import { chainBatches, headSeq } from '../audit/chain-reader.ts';
import { streamChainRange } from '../audit/chain-stream.ts';
import { createCheckpointer } from '../audit/checkpoints.ts';
import { consistencyRanges, inclusionRanges, perfectCover } from '../audit/merkle-ranges.ts';
import { verifyConsistency, verifyLeafInclusion } from '../audit/merkle.ts';
import { appendSampleEntries } from '../audit/sample-entries.ts';
import { memoryKeyRing } from '../audit/signing-keys.ts';
import { storedConsistencyProof, storedInclusionProof, storedRoot, TreeBuilder } from '../audit/tree-store.ts';
import { stopVerificationWorkers, verifyLogInParallel } from '../audit/verify-parallel.ts';
import { verifyLog } from '../audit/verify.ts';
import { migrate } from '../schema/migrations.ts';
import { benchDatabase } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';

pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export interface TransparencyPlan {
  verifyEntries: number;
  proofSizes: number[];
  proofSamples: number;
  workers: number;
}

async function withDatabase<T>(serverUrl: string, work: (db: Knex, url: string) => Promise<T>): Promise<T> {
  const database = await benchDatabase(serverUrl);
  const db = knexFactory({ client: 'pg', connection: database.url, pool: { min: 0, max: 4 } });
  try {
    await migrate(db);
    return await work(db, database.url);
  } finally {
    await db.destroy();
    await database.drop();
  }
}

async function benchVerification(db: Knex, url: string, plan: TransparencyPlan, log: (line: string) => void) {
  log(`  verification: appending ${plan.verifyEntries} entries`);
  await appendSampleEntries(createAuditAppender(db), plan.verifyEntries, 2000);
  await db.raw('analyze audit_log');
  const keys = memoryKeyRing();
  await createCheckpointer(db, keys, { every: 1000, seconds: 0 }).checkpointNow();
  const jwks = await keys.jwks();
  const head = await headSeq(db);
  const rates = {
    scan: [] as number[],
    streamed: [] as number[],
    sequential: [] as number[],
    parallel: [] as number[],
  };
  // A second baseline: the same rows read the way the workers read them (chain-stream.ts, one query a range, rows
  // as text arrays checked as they come), doing nothing with them: the cheapest read of the log this code has.
  const streamer = new pg.Client({ connectionString: url });
  await streamer.connect();
  const perSecond = (n: number, started: number) => n / ((performance.now() - started) / 1000);
  for (let r = 1; r <= 3; r++) {
    let started = performance.now();
    let scanned = 0;
    for await (const batch of chainBatches(db, 0, head, 10_000)) scanned += batch.length;
    rates.scan.push(perSecond(scanned, started));
    started = performance.now();
    let streamed = 0;
    for (let after = 0; after < head; after += 10_000)
      streamed += await streamChainRange(streamer, pg.Query, after, Math.min(after + 10_000, head), () => undefined);
    rates.streamed.push(perSecond(streamed, started));
    started = performance.now();
    const sequential = await verifyLog(db, { jwks });
    rates.sequential.push(perSecond(sequential.checked, started));
    started = performance.now();
    const parallel = await verifyLogInParallel(db, { jwks, databaseUrl: url, workers: plan.workers });
    rates.parallel.push(perSecond(parallel.checked, started));
    if (!sequential.ok || !parallel.ok || parallel.workers !== plan.workers)
      throw new Error('the bench log does not verify on workers');
    log(
      `  verification round ${r}: scan ${Math.round(rates.scan.at(-1)!)}/s, streamed scan ${Math.round(rates.streamed.at(-1)!)}/s, one thread ${Math.round(rates.sequential.at(-1)!)}/s, ${plan.workers} workers ${Math.round(rates.parallel.at(-1)!)}/s`,
    );
  }
  stopVerificationWorkers();
  await streamer.end();
  const best = (xs: number[]) => Math.round(Math.max(...xs));
  return {
    entries: head,
    workers: plan.workers,
    workersFirstRoundPerSecond: Math.round(rates.parallel[0]!),
    plainScanPerSecond: best(rates.scan),
    streamedScanPerSecond: best(rates.streamed),
    workersToStreamedScan: round(best(rates.parallel) / best(rates.streamed)),
    singleThreadToStreamedScan: round(best(rates.sequential) / best(rates.streamed)),
    singleThreadPerSecond: best(rates.sequential),
    workersPerSecond: best(rates.parallel),
    singleThreadToScan: round(best(rates.sequential) / best(rates.scan)),
    workersToScan: round(best(rates.parallel) / best(rates.scan)),
  };
}

async function benchProofs(db: Knex, size: number, samples: number, log: (line: string) => void) {
  let started = performance.now();
  const tree = await TreeBuilder.load(db, 0);
  for (let written = 0; written < size; ) {
    const n = Math.min(100_000, size - written);
    for (let i = 0; i < n; i++) tree.append(randomBytes(32).toString('hex'));
    await tree.write(db);
    written += n;
  }
  await db.raw('analyze audit_tree_nodes');
  log(`  proofs: ${size} leaves generated into audit_tree_nodes in ${round((performance.now() - started) / 1000)} s`);
  const root = await storedRoot(db, size);
  const inclusion: number[] = [];
  const consistency: number[] = [];
  let inclusionRows = 0;
  let consistencyRows = 0;
  for (let s = 0; s < samples; s++) {
    const leaf = randomInt(size);
    started = performance.now();
    const path = await storedInclusionProof(db, leaf, size);
    inclusion.push(performance.now() - started);
    inclusionRows = Math.max(inclusionRows, inclusionRanges(leaf, size).flatMap(perfectCover).length);
    // The tree holds leaf hashes, not entry hashes: the path is checked from the stored leaf.
    const leafRow = await db('audit_tree_nodes').where({ level: 0, idx: leaf }).first('hash');
    if (!verifyLeafInclusion(Buffer.from(leafRow.hash), leaf, size, path, root))
      throw new Error(`inclusion proof of ${leaf} in ${size} does not verify`);
    const from = 1 + randomInt(size - 1);
    started = performance.now();
    const proof = await storedConsistencyProof(db, from, size);
    consistency.push(performance.now() - started);
    consistencyRows = Math.max(consistencyRows, consistencyRanges(from, size).flatMap(perfectCover).length);
    if (!verifyConsistency(from, size, proof, await storedRoot(db, from), root))
      throw new Error(`consistency proof ${from}→${size} does not verify`);
  }
  const ms = (xs: number[]) => {
    const s = summarise(xs);
    return { p50: round(s.p50), p99: round(s.p99), mean: round(s.mean) };
  };
  return {
    leaves: size,
    samples,
    inclusionMs: ms(inclusion),
    inclusionMaxRowsRead: inclusionRows,
    consistencyMs: ms(consistency),
    consistencyMaxRowsRead: consistencyRows,
  };
}

export async function runTransparencyBench(serverUrl: string, plan: TransparencyPlan, log: (line: string) => void) {
  log(
    `transparency: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((n) => round(n))
      .join(' ')}`,
  );
  const verification = await withDatabase(serverUrl, (db, url) => benchVerification(db, url, plan, log));
  const proofs = [];
  for (const size of plan.proofSizes)
    proofs.push(await withDatabase(serverUrl, (db) => benchProofs(db, size, plan.proofSamples, log)));
  return { verification, proofs, loadAverageAtEnd: os.loadavg().map((n) => round(n)) };
}

type Figures = Awaited<ReturnType<typeof runTransparencyBench>> & { at: string; plan: TransparencyPlan };

export function renderTransparency(f: Figures): string {
  const v = f.verification;
  return [
    `# Transparency log bench, ${f.at}`,
    '',
    `Command: \`npm run bench -- --transparency\` (PostgreSQL at BENCH_DATABASE_URL; ${os.cpus().length} cores shared with other work; load at end ${f.loadAverageAtEnd.join(' ')}).`,
    '',
    `## Full verification of ${v.entries} entries (best of 3)`,
    '',
    '| | entries/s | × plain scan | × streamed scan |',
    '|---|---|---|---|',
    `| plain scan (read only, chain-reader.ts batches) | ${v.plainScanPerSecond} | 1 | ${round(v.plainScanPerSecond / v.streamedScanPerSecond)} |`,
    `| streamed scan (read only, chain-stream.ts as the workers read) | ${v.streamedScanPerSecond} | ${round(v.streamedScanPerSecond / v.plainScanPerSecond)} | 1 |`,
    `| single thread (verify.ts) | ${v.singleThreadPerSecond} | ${v.singleThreadToScan} | ${v.singleThreadToStreamedScan} |`,
    `| ${v.workers} worker threads (verify-parallel.ts), workers already started | ${v.workersPerSecond} | ${v.workersToScan} | ${v.workersToStreamedScan} |`,
    `| the same, first round (starting the workers included) | ${v.workersFirstRoundPerSecond} | ${round(v.workersFirstRoundPerSecond / v.plainScanPerSecond)} | ${round(v.workersFirstRoundPerSecond / v.streamedScanPerSecond)} |`,
    '',
    '## Proof cost from the stored tree (generated directly into audit_tree_nodes)',
    '',
    '| leaves | inclusion p50 / p99 ms | rows read (max) | consistency p50 / p99 ms | rows read (max) |',
    '|---|---|---|---|---|',
    ...f.proofs.map(
      (p) =>
        `| ${p.leaves} | ${p.inclusionMs.p50} / ${p.inclusionMs.p99} | ${p.inclusionMaxRowsRead} | ${p.consistencyMs.p50} / ${p.consistencyMs.p99} | ${p.consistencyMaxRowsRead} |`,
    ),
    '',
  ].join('\n');
}
