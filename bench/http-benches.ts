// The HTTP benches: latency at one connection, added latency at a fixed open-loop rate, sustained audited
// throughput, and the forwarded exchange, each against the sandbox called directly and the proxies a department
// could run instead (a plain Node proxy, and nginx when it is there) in the same run, so every figure is also a
// difference or a ratio.
import type { Knex } from 'knex';
import { closedLoop, openLoop, type LoadResult, type Target } from './support/load.ts';
import { peakRssMb, resetPeakRss, rssMb } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';

export interface Endpoints {
  direct: Target;
  proxy: Target;
  nginx: Target | null;
  gateway: () => Promise<Target>;
}
type Log = (line: string) => void;
type Run = ReturnType<typeof describeRun>;

const describeRun = (r: LoadResult) => {
  const s = summarise(r.latenciesMs);
  return {
    count: s.count,
    p50: round(s.p50),
    p90: round(s.p90),
    p99: round(s.p99),
    max: round(s.max),
    mean: round(s.mean),
    achievedPerSecond: round(r.latenciesMs.length / r.seconds, 1),
    statuses: r.statuses,
    errors: r.errors,
  };
};

/** Each server in turn, the gateway last (its token minted when its turn comes); nginx only when it is there. */
const servers = (e: Endpoints): [string, () => Promise<Target>][] => [
  ['direct', async () => e.direct],
  ['proxy', async () => e.proxy],
  ...(e.nginx ? [['nginx', async () => e.nginx!] as [string, () => Promise<Target>]] : []),
  ['gateway', e.gateway],
];

/** A warm-up before each measured run (connections, JIT, the gateway's caches): 5 s, less in a short run. */
const warmup = (seconds: number) => Math.min(5, Math.ceil(seconds / 3));

/** What each server adds to the direct call, at p50 and p99. */
const addedOver = (runs: Record<string, Run>) =>
  Object.fromEntries(
    Object.keys(runs)
      .filter((n) => n !== 'direct')
      .map((n) => [n, { p50: round(runs[n]!.p50 - runs.direct!.p50), p99: round(runs[n]!.p99 - runs.direct!.p99) }]),
  );

/** One connection, closed loop: nothing ever queues, so each p50 is the server's own cost for one exchange. */
export async function oneConnectionLatency(endpoints: Endpoints, seconds: number, log: Log) {
  const runs: Record<string, Run> = {};
  for (const [name, get] of servers(endpoints)) {
    const target = await get();
    await closedLoop(target, 1, warmup(seconds));
    log(`  1 connection: ${name}, ${seconds} s`);
    runs[name] = describeRun(await closedLoop(target, 1, seconds));
  }
  return { seconds, runs, addedMs: addedOver(runs) };
}

export async function addedLatency(endpoints: Endpoints, rate: number, seconds: number, log: Log) {
  const runs: Record<string, Run> = {};
  for (const [name, get] of servers(endpoints)) {
    const target = await get();
    log(`  latency: ${name}, warm-up`);
    await openLoop(target, rate, warmup(seconds));
    log(`  latency: ${name}, ${rate}/s open loop for ${seconds} s`);
    runs[name] = describeRun(await openLoop(target, rate, seconds));
  }
  return { rate, seconds, runs, addedMs: addedOver(runs) };
}

export async function auditedThroughput(
  endpoints: Endpoints,
  db: Knex,
  gatewayPid: number,
  concurrency: number,
  seconds: number,
  log: Log,
) {
  const baselines: Record<string, Run> = {};
  for (const [name, get] of servers(endpoints).filter(([n]) => n === 'proxy' || n === 'nginx')) {
    log(`  throughput: ${name}, ${concurrency} in flight for ${seconds} s`);
    baselines[name] = describeRun(await closedLoop(await get(), concurrency, seconds));
  }
  const before = await counts(db);
  // The kernel's own peak (VmHWM), reset now so that it covers this run alone; sampled RSS where it cannot be reset.
  const peakReset = resetPeakRss(gatewayPid);
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(rssMb(gatewayPid)), 500);
  log(`  throughput: gateway, ${concurrency} in flight for ${seconds} s`);
  const run = await closedLoop(await endpoints.gateway(), concurrency, seconds, (done) => log(`    ${done} answered`));
  clearInterval(sampler);
  const after = await counts(db);
  const gateway = describeRun(run);
  const ratio = (baseline?: Run) => (baseline ? round(gateway.achievedPerSecond / baseline.achievedPerSecond) : null);
  return {
    concurrency,
    seconds,
    proxy: baselines.proxy!,
    nginx: baselines.nginx ?? null,
    gateway,
    ratioToProxy: ratio(baselines.proxy),
    ratioToNginx: ratio(baselines.nginx),
    auditEntriesWritten: after.decisions - before.decisions + (after.outcomes - before.outcomes),
    lostEntries: lostEntries(run, before, after),
    gatewayRssMb: {
      max: round(peakReset ? peakRssMb(gatewayPid) : Math.max(...rss), 1),
      source: peakReset ? 'VmHWM' : 'VmRSS every 0.5 s',
      sampledMax: round(Math.max(...rss), 1),
      last: round(rss[rss.length - 1] ?? Number.NaN, 1),
    },
  };
}

/** The forwarded exchange (two durable writes, the partner called between them) at an open-loop rate. */
export async function forwardedExchange(
  direct: Target,
  gateway: () => Promise<Target>,
  db: Knex,
  rate: number,
  seconds: number,
  log: Log,
) {
  const runs: Record<string, Run> = {};
  log('  forwarded: HMRC sandbox direct, warm-up');
  await openLoop(direct, rate, warmup(seconds));
  log(`  forwarded: HMRC sandbox direct, ${rate}/s open loop for ${seconds} s`);
  runs.direct = describeRun(await openLoop(direct, rate, seconds));
  const target = await gateway();
  log('  forwarded: gateway, warm-up');
  await openLoop(target, rate, warmup(seconds));
  const before = await counts(db);
  log(`  forwarded: gateway, ${rate}/s open loop for ${seconds} s`);
  const run = await openLoop(target, rate, seconds);
  const after = await counts(db);
  runs.gateway = describeRun(run);
  return {
    exchange: 'hmrc.evidence-request',
    rate,
    seconds,
    runs,
    addedMs: addedOver(runs).gateway!,
    lostEntries: lostEntries(run, before, after),
  };
}

// Every answer that went out (200) had its decision and its outcome committed first: none may be missing. Other
// kinds of entry (a `lookup` written before a person is looked up, say) are neither required nor counted.
function lostEntries(run: LoadResult, before: Counts, after: Counts) {
  const answered = run.statuses['200'] ?? 0;
  return (
    Math.max(0, answered - (after.outcomes - before.outcomes)) +
    Math.max(0, answered - (after.decisions - before.decisions))
  );
}

type Counts = Awaited<ReturnType<typeof counts>>;
async function counts(db: Knex) {
  const rows = (await db('audit_log')
    .whereIn('kind', ['decision', 'outcome'])
    .select('kind')
    .count({ n: '*' })
    .groupBy('kind')) as { kind: string; n: string | number }[];
  const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { decisions: of('decision'), outcomes: of('outcome') };
}

export async function memorySoak(endpoints: Endpoints, gatewayPid: number, rate: number, seconds: number, log: Log) {
  const samples: { t: number; rssMb: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(
    () => samples.push({ t: round((Date.now() - started) / 1000, 1), rssMb: round(rssMb(gatewayPid), 1) }),
    5000,
  );
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
  return {
    rate,
    seconds,
    samples,
    maxRssMb: Math.max(...samples.map((s) => s.rssMb)),
    firstMinuteMeanMb: round(mean(firstMinute), 1),
    lastMinuteMeanMb: round(mean(lastMinute), 1),
  };
}
