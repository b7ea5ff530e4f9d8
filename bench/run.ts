// `npm run bench`: every figure of issue 7 and of the pipeline redesign on the PostgreSQL server
// (synchronous_commit on), each beside its baselines measured in the same run — the partner sandbox called
// directly, a plain Node proxy, nginx (installed from Debian's packages when missing), the disk's fsync and the
// database's cheapest durable write — written as JSON and Markdown under bench/results/.
//   npm run bench                 the full run (about 20 minutes)
//   npm run bench -- --smoke      a short run that only proves the bench works (CI)
//   npm run bench -- --no-soak    the full run without its 10-minute memory soak (every other figure as in full)
//   npm run bench -- --transparency   only issue 16's figures: verification on workers, proof cost at 10k and 1M
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { benchBatchThroughput } from './batch-throughput.ts';
import { benchChainVerification } from './chain-verification.ts';
import { durableWriteFloor, fsyncFloor } from './fsync-floor.ts';
import {
  addedLatency,
  auditedThroughput,
  forwardedExchange,
  memorySoak,
  oneConnectionLatency,
  type Endpoints,
} from './http-benches.ts';
import { benchPolicyDecision } from './policy-decision.ts';
import { ensureNginx, startNginx } from './support/nginx.ts';
import {
  benchDatabase,
  peakRssMb,
  repo,
  startGatewayProcess,
  startPlainProxy,
  startSandboxProcess,
} from './support/processes.ts';
import { round } from './support/stats.ts';
import { renderMarkdown, targetsMet } from './report.ts';
import {
  directEvidenceTarget,
  directTarget,
  evidenceClient,
  gatewayEvidenceTarget,
  gatewayTarget,
} from './workload.ts';

const smoke = process.argv.includes('--smoke');
const noSoak = process.argv.includes('--no-soak');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Smoke gives nginx's install 90 s: long enough for Debian's package on a warm mirror, short enough for CI.
const plan = smoke
  ? {
      policyIterations: 20_000,
      oneConnectionSeconds: 2,
      latencyRate: 100,
      latencySeconds: 3,
      concurrency: 16,
      throughputSeconds: 3,
      durableWriteSeconds: 2,
      verifyEntries: 5_000,
      soakSeconds: 0,
      nginxInstallSeconds: 90,
    }
  : {
      policyIterations: 500_000,
      oneConnectionSeconds: 20,
      latencyRate: 500,
      latencySeconds: 30,
      concurrency: 64,
      throughputSeconds: 60,
      durableWriteSeconds: 10,
      verifyEntries: 300_000,
      soakSeconds: noSoak ? 0 : 600,
      nginxInstallSeconds: 600,
    };
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

// `npm run bench -- --transparency`: only the transparency-log figures of issue 16 (verification on worker
// threads, proof cost at 10k and 1M leaves), a step of its own so that it is measured alone and written alone.
if (process.argv.includes('--transparency')) {
  const { runTransparencyBench, renderTransparency } = await import('./transparency.ts');
  const transparencyPlan = smoke
    ? { verifyEntries: 5_000, proofSizes: [1_000, 10_000], proofSamples: 50, workers: 2 }
    : { verifyEntries: 200_000, proofSizes: [10_000, 1_000_000], proofSamples: 500, workers: 2 };
  const figures = {
    at: new Date().toISOString(),
    plan: transparencyPlan,
    ...(await runTransparencyBench(serverUrl, transparencyPlan, log)),
  };
  const dir = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-')) : path.join(repo, 'bench/results');
  const name = `${figures.at.slice(0, 16).replace(/[:T]/g, '-')}-transparency${smoke ? '-smoke' : ''}`;
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, `${name}.md`), renderTransparency(figures));
  console.log(`\n${renderTransparency(figures)}\nwritten to ${dir}`);
  process.exit(0);
}

const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
const settings = Object.fromEntries(
  (
    await admin.raw(
      `select name, setting from pg_settings where name in ('synchronous_commit', 'fsync', 'wal_sync_method', 'server_version')`,
    )
  ).rows.map((r: { name: string; setting: string }) => [r.name, r.setting]),
);
if (settings.synchronous_commit !== 'on' || settings.fsync !== 'on')
  throw new Error(`the bench needs synchronous_commit and fsync on; the server has ${JSON.stringify(settings)}`);

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  postgresql: settings.server_version,
  synchronousCommit: settings.synchronous_commit,
  walSyncMethod: settings.wal_sync_method,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
};
log(
  `machine: ${machine.cores} × ${machine.cpu}, PostgreSQL ${machine.postgresql}, synchronous_commit ${machine.synchronousCommit}`,
);

// Before anything is measured, so that an install's work overlaps no figure.
log('nginx');
let nginxAvailability = await ensureNginx(plan.nginxInstallSeconds, log);
log(
  nginxAvailability.present
    ? `  nginx ${nginxAvailability.version}`
    : `  nginx absent: ${nginxAvailability.reason}; its baselines are left out`,
);

// The floors first, on a machine where nothing else of the bench runs yet.
log('fsync floor');
const fsync = await fsyncFloor(admin, log);
await admin.destroy();
const durableWrite = await durableWriteFloor(serverUrl, plan.durableWriteSeconds, log);

log('policy decision in process');
const policy = benchPolicyDecision(plan.policyIterations);

const database = await benchDatabase(serverUrl);
const sandboxes = await startSandboxProcess(18_701);
const proxy = await startPlainProxy(18_090, sandboxes.urls.homeOffice!);
// nginx that will not start is a missing baseline, not a failed bench: the run goes on and the report says why.
const nginx = nginxAvailability.present
  ? await startNginx(18_091, sandboxes.urls.homeOffice!).catch((error: Error) => {
      nginxAvailability = { present: false, reason: `did not start: ${error.message.split('\n')[0]}` };
      return null;
    })
  : null;
const gateway = await startGatewayProcess({ port: 18_080, databaseUrl: database.url, upstreams: sandboxes.urls });
// The peak of the first start on a fresh database (migrations, the register): VmHWM once it has settled.
await new Promise((r) => setTimeout(r, 1000));
const startup = { peakRssMb: round(peakRssMb(gateway.pid), 1) };
log(`gateway started: peak RSS ${startup.peakRssMb} MB`);
const db = knexFactory({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
let results;
try {
  const endpoints: Endpoints = {
    direct: directTarget(sandboxes.urls.homeOffice!),
    proxy: directTarget(proxy.url),
    nginx: nginx ? directTarget(nginx.url) : null,
    gateway: async () => gatewayTarget(gateway.url, await gateway.token('dwp-benefits')),
  };
  log('latency at 1 connection');
  const oneConnection = await oneConnectionLatency(endpoints, plan.oneConnectionSeconds, log);
  log('added latency');
  const latency = await addedLatency(endpoints, plan.latencyRate, plan.latencySeconds, log);
  log('forwarded exchange');
  const forwarded = await forwardedExchange(
    directEvidenceTarget(sandboxes.urls.hmrc!),
    async () => gatewayEvidenceTarget(gateway.url, await gateway.token(evidenceClient)),
    db,
    plan.latencyRate,
    plan.latencySeconds,
    log,
  );
  log('audited throughput');
  const throughput = await auditedThroughput(endpoints, db, gateway.pid, plan.concurrency, plan.throughputSeconds, log);
  const soak =
    plan.soakSeconds > 0
      ? (log('memory soak'), await memorySoak(endpoints, gateway.pid, plan.latencyRate, plan.soakSeconds, log))
      : null;
  await gateway.stop();
  log('chain verification');
  const verifyDb = await benchDatabase(serverUrl);
  const vdb = knexFactory({ client: 'pg', connection: verifyDb.url, pool: { min: 0, max: 4 } });
  const { migrate } = await import('../schema/migrations.ts');
  await migrate(vdb);
  const verification = await benchChainVerification(vdb, plan.verifyEntries, log);
  await vdb.destroy();
  await verifyDb.drop();
  log('batch throughput: dwp.nino-alignment as one batch, then as single calls');
  const batches = await benchBatchThroughput(serverUrl, smoke ? 100 : 2_000, 8);
  results = {
    kind: smoke ? 'smoke' : 'full',
    at: new Date().toISOString(),
    machine,
    plan,
    nginx: nginxAvailability,
    policy,
    fsync,
    durableWrite,
    startup,
    oneConnection,
    latency,
    forwarded,
    throughput,
    soak,
    verification,
    batches,
  };
} finally {
  await gateway.stop().catch(() => undefined);
  await proxy.stop();
  await nginx?.stop();
  await sandboxes.stop();
  await db.destroy();
  await database.drop();
}

const outDir = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-')) : path.join(repo, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
const stamp = results.at.slice(0, 16).replace(/[:T]/g, '-');
fs.writeFileSync(path.join(outDir, `${stamp}-${results.kind}.json`), `${JSON.stringify(results, null, 2)}\n`);
fs.writeFileSync(path.join(outDir, `${stamp}-${results.kind}.md`), renderMarkdown(results));
console.log(`\n${renderMarkdown(results)}\nwritten to ${outDir}`);
if (smoke) {
  // The smoke run proves the bench works end to end; its figures are too short to judge targets by.
  if (results.throughput.lostEntries + results.forwarded.lostEntries !== 0) throw new Error('audit entries were lost');
} else {
  const met = targetsMet(results);
  log(`${met.filter((t) => t.met).length} of ${met.filter((t) => t.met !== null).length} targets met`);
}
