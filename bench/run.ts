// `npm run bench`: every figure of issue 7 on the PostgreSQL server (synchronous_commit on), each beside a
// baseline measured in the same run, written as JSON and Markdown under bench/results/.
//   npm run bench                 the full run (about 15 minutes)
//   npm run bench -- --smoke      a short run that only proves the bench works (CI)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { benchChainVerification } from './chain-verification.ts';
import { addedLatency, auditedThroughput, memorySoak, type Endpoints } from './http-benches.ts';
import { benchPolicyDecision } from './policy-decision.ts';
import { benchDatabase, repo, startGatewayProcess, startPlainProxy, startSandboxProcess } from './support/processes.ts';
import { renderMarkdown, targetsMet } from './report.ts';
import { directTarget, gatewayTarget } from './workload.ts';

const smoke = process.argv.includes('--smoke');
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const plan = smoke
  ? { policyIterations: 20_000, latencyRate: 100, latencySeconds: 3, concurrency: 16, throughputSeconds: 3, verifyEntries: 5_000, soakSeconds: 0 }
  : { policyIterations: 500_000, latencyRate: 500, latencySeconds: 30, concurrency: 64, throughputSeconds: 60, verifyEntries: 300_000, soakSeconds: 600 };
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
const settings = Object.fromEntries((await admin.raw(`select name, setting from pg_settings where name in ('synchronous_commit', 'fsync', 'wal_sync_method', 'server_version')`)).rows.map((r: { name: string; setting: string }) => [r.name, r.setting]));
await admin.destroy();
if (settings.synchronous_commit !== 'on' || settings.fsync !== 'on') throw new Error(`the bench needs synchronous_commit and fsync on; the server has ${JSON.stringify(settings)}`);

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version, postgresql: settings.server_version, synchronousCommit: settings.synchronous_commit, walSyncMethod: settings.wal_sync_method,
  loadAverageAtStart: os.loadavg().map((n) => Math.round(n * 100) / 100),
};
log(`machine: ${machine.cores} × ${machine.cpu}, PostgreSQL ${machine.postgresql}, synchronous_commit ${machine.synchronousCommit}`);

log('policy decision in process');
const policy = benchPolicyDecision(plan.policyIterations);

const database = await benchDatabase(serverUrl);
const sandboxes = await startSandboxProcess(18_701);
const proxy = await startPlainProxy(18_090, sandboxes.urls.homeOffice!);
const gateway = await startGatewayProcess({ port: 18_080, databaseUrl: database.url, upstreams: sandboxes.urls });
const db = knexFactory({ client: 'pg', connection: database.url, pool: { min: 0, max: 2 } });
let results;
try {
  const endpoints: Endpoints = {
    direct: directTarget(sandboxes.urls.homeOffice!),
    proxy: directTarget(proxy.url),
    gateway: async () => gatewayTarget(gateway.url, await gateway.token('dwp-benefits')),
  };
  log('added latency');
  const latency = await addedLatency(endpoints, plan.latencyRate, plan.latencySeconds, log);
  log('audited throughput');
  const throughput = await auditedThroughput(endpoints, db, gateway.pid, plan.concurrency, plan.throughputSeconds, log);
  const soak = plan.soakSeconds > 0 ? (log('memory soak'), await memorySoak(endpoints, gateway.pid, plan.latencyRate, plan.soakSeconds, log)) : null;
  await gateway.stop();
  log('chain verification');
  const verifyDb = await benchDatabase(serverUrl);
  const vdb = knexFactory({ client: 'pg', connection: verifyDb.url, pool: { min: 0, max: 4 } });
  const { migrate } = await import('../gateway/db/migrate.ts');
  await migrate(vdb);
  const verification = await benchChainVerification(vdb, plan.verifyEntries, log);
  await vdb.destroy();
  await verifyDb.drop();
  results = { kind: smoke ? 'smoke' : 'full', at: new Date().toISOString(), machine, plan, policy, latency, throughput, soak, verification };
} finally {
  await gateway.stop().catch(() => undefined);
  await proxy.stop();
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
  if (results.throughput.lostEntries !== 0) throw new Error('audit entries were lost');
} else {
  const met = targetsMet(results);
  log(`${met.filter((t) => t.met).length} of ${met.length} targets met`);
}
