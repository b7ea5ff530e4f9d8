// The HTTP benches: added latency at a fixed open-loop rate, and sustained audited throughput, each against the
// sandbox called directly and a plain Node proxy in the same run, so every figure is also a ratio.
import type { Knex } from 'knex';
import { closedLoop, openLoop, type LoadResult, type Target } from './support/load.ts';
import { rssMb } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';

export interface Endpoints { direct: Target; proxy: Target; gateway: () => Promise<Target> }
type Log = (line: string) => void;

const describeRun = (r: LoadResult) => {
  const s = summarise(r.latenciesMs);
  return {
    count: s.count, p50: round(s.p50), p90: round(s.p90), p99: round(s.p99), max: round(s.max), mean: round(s.mean),
    achievedPerSecond: round(r.latenciesMs.length / r.seconds, 1), statuses: r.statuses, errors: r.errors,
  };
};

export async function addedLatency(endpoints: Endpoints, rate: number, seconds: number, log: Log) {
  const runs: Record<string, ReturnType<typeof describeRun>> = {};
  for (const [name, target] of [['direct', endpoints.direct], ['proxy', endpoints.proxy], ['gateway', await endpoints.gateway()]] as const) {
    log(`  latency: ${name}, warm-up`);
    await openLoop(target, rate, Math.min(5, seconds));
    log(`  latency: ${name}, ${rate}/s open loop for ${seconds} s`);
    runs[name] = describeRun(await openLoop(target, rate, seconds));
  }
  const added = (which: 'proxy' | 'gateway', p: 'p50' | 'p99') => round(runs[which]![p] - runs.direct![p]);
  return {
    rate, seconds, runs,
    addedMs: { proxy: { p50: added('proxy', 'p50'), p99: added('proxy', 'p99') }, gateway: { p50: added('gateway', 'p50'), p99: added('gateway', 'p99') } },
  };
}

export async function auditedThroughput(endpoints: Endpoints, db: Knex, gatewayPid: number, concurrency: number, seconds: number, log: Log) {
  log(`  throughput: plain proxy, ${concurrency} in flight for ${seconds} s`);
  const proxy = describeRun(await closedLoop(endpoints.proxy, concurrency, seconds));
  const before = await counts(db);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb(gatewayPid)), 1000);
  log(`  throughput: gateway, ${concurrency} in flight for ${seconds} s`);
  const run = await closedLoop(await endpoints.gateway(), concurrency, seconds, (done) => log(`    ${done} answered`));
  clearInterval(sampler);
  const after = await counts(db);
  const gateway = describeRun(run);
  const answered = run.statuses['200'] ?? 0;
  // Every answer that went out had its decision and its outcome committed first: none may be missing.
  const lostEntries = Math.max(0, answered - (after.outcomes - before.outcomes)) + Math.max(0, answered - (after.decisions - before.decisions));
  return {
    concurrency, seconds, proxy, gateway,
    ratioToProxy: round(gateway.achievedPerSecond / proxy.achievedPerSecond),
    auditEntriesWritten: (after.decisions - before.decisions) + (after.outcomes - before.outcomes), lostEntries,
    gatewayRssMb: { max: round(Math.max(...rss), 1), last: round(rss[rss.length - 1] ?? Number.NaN, 1) },
  };
}

async function counts(db: Knex) {
  const rows = (await db('audit_log').select('kind').count({ n: '*' }).groupBy('kind')) as { kind: string; n: string | number }[];
  const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { decisions: of('decision'), outcomes: of('outcome') };
}

export async function memorySoak(endpoints: Endpoints, gatewayPid: number, rate: number, seconds: number, log: Log) {
  const samples: { t: number; rssMb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => samples.push({ t: round((Date.now() - started) / 1000, 1), rssMb: round(rssMb(gatewayPid), 1) }), 5000);
  let remaining = seconds;
  // Tokens last five minutes: the soak asks for a fresh one each chunk, as a real client would.
  while (remaining > 0) {
    const chunk = Math.min(240, remaining);
    log(`  soak: ${rate}/s, ${seconds - remaining}–${seconds - remaining + chunk} s of ${seconds}`);
    await openLoop(await endpoints.gateway(), rate, chunk);
    remaining -= chunk;
  }
  clearInterval(sampler);
  const firstMinute = samples.filter((s) => s.t <= 60).map((s) => s.rssMb);
  const lastMinute = samples.filter((s) => s.t > seconds - 60).map((s) => s.rssMb);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return { rate, seconds, samples, maxRssMb: Math.max(...samples.map((s) => s.rssMb)), firstMinuteMeanMb: round(mean(firstMinute), 1), lastMinuteMeanMb: round(mean(lastMinute), 1) };
}
