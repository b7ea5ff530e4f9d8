// `npm run bench:profile`: where the gateway's time goes under the throughput bench's load. Runs the gateway
// with --cpu-prof, drives it closed-loop, and writes a summary (self time by part of the stack and by function)
// to bench/results/<stamp>-profile.md. The .cpuprofile it names opens as a flame graph in Chrome DevTools
// (Performance → Load profile) or speedscope.
//   npm run bench:profile [-- --seconds 20 --concurrency 64]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closedLoop } from './support/load.ts';
import { benchDatabase, repo, startGatewayProcess, startSandboxProcess } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';
import { gatewayTarget } from './workload.ts';

const flag = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const seconds = flag('seconds', 20);
const concurrency = flag('concurrency', 64);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The part of the stack a frame belongs to, by where its code lives. */
function partOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'garbage collection';
  if (name === '(idle)') return 'idle';
  if (name === '(program)' || name === '(root)') return 'V8 and native (program)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return `npm: ${pkg[1]}`;
  if (url.startsWith('node:')) return `node: ${url.slice(5).split('/')[0]}`;
  if (url === '') return 'native (no script)';
  if (url.endsWith('dist/gateway.mjs')) return 'ours (the bundle: gateway, audit, register)';
  const own = /\/(gateway|audit|mou-registry|contracts)\/(.*)$/.exec(url);
  if (own) return `ours: ${own[1]}/${own[2]!.split('/')[0]}`;
  return `other: ${path.basename(url)}`;
}

function summariseProfile(profile: CpuProfile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const parts = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const part = partOf(url, functionName);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const fn =
      `${functionName || '(anonymous)'} ${url ? `${url.replace(/^.*node_modules\//, '').replace(`file://${repo}/`, '')}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + us);
  }
  const share = (m: Map<string, number>, top: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, percent: round((100 * us) / total, 1) }));
  return { totalSeconds: round(total / 1e6, 1), parts: share(parts, 25), functions: share(functions, 30) };
}

const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-profile-'));
const database = await benchDatabase(serverUrl);
const sandboxes = await startSandboxProcess(18_801);
const metricsToken = 'bench-profile-metrics-token-0123456789abcdef';
const gateway = await startGatewayProcess({
  port: 18_180,
  databaseUrl: database.url,
  upstreams: sandboxes.urls,
  env: { METRICS_TOKEN: metricsToken },
  nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
});
/** Mean seconds of a Prometheus histogram (no labels, or summed over them). */
async function means(): Promise<Record<string, { sum: number; count: number }>> {
  const text = await (
    await fetch(`${gateway.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
  ).text();
  const out: Record<string, { sum: number; count: number }> = {};
  for (const line of text.split('\n')) {
    const m = /^(gateway_[a-z_]+)_(sum|count)(\{[^}]*\})? ([0-9.e+-]+)$/.exec(line);
    if (!m) continue;
    const entry = (out[m[1]!] ??= { sum: 0, count: 0 });
    entry[m[2] as 'sum' | 'count'] += Number(m[4]);
  }
  return out;
}
let run;
let before: Awaited<ReturnType<typeof means>> = {};
let after: Awaited<ReturnType<typeof means>> = {};
try {
  const target = gatewayTarget(gateway.url, await gateway.token('dwp-benefits'));
  log(`warm-up, then ${concurrency} in flight for ${seconds} s against a profiled gateway`);
  await closedLoop(target, concurrency, 3);
  before = await means();
  run = await closedLoop(target, concurrency, seconds, (done) => log(`  ${done} answered`));
  after = await means();
} finally {
  await gateway.stop(); // SIGTERM: the gateway exits cleanly, and node writes the profile as it does
  await sandboxes.stop();
  await database.drop();
}
const file = fs.readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`the gateway wrote no profile in ${profileDir}`);
const profile = summariseProfile(JSON.parse(fs.readFileSync(path.join(profileDir, file), 'utf8')) as CpuProfile);
const latency = summarise(run.latenciesMs);

const meanMs = (name: string) => {
  const count = (after[name]?.count ?? 0) - (before[name]?.count ?? 0);
  return count > 0 ? round((1000 * ((after[name]?.sum ?? 0) - (before[name]?.sum ?? 0))) / count) : Number.NaN;
};
const appendsPerRequest = round(
  ((after.gateway_audit_append_duration_seconds?.count ?? 0) -
    (before.gateway_audit_append_duration_seconds?.count ?? 0)) /
    run.latenciesMs.length,
);

const at = new Date().toISOString();
const md = [
  `# Gateway CPU profile under load, ${at}`,
  '',
  `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; load generator, gateway, sandbox and PostgreSQL share these cores.`,
  `Load: dwp.status-check, ${concurrency} in flight for ${seconds} s: ${round(run.latenciesMs.length / run.seconds, 1)} answers/s, p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms.`,
  `Profile: ${profile.totalSeconds} s of gateway samples (\`npm run bench:profile\`), file ${path.join(profileDir, file)}.`,
  '',
  '## Where a request waits (gateway metrics over the run)',
  '',
  `- whole request in the gateway: mean ${meanMs('gateway_http_request_duration_seconds')} ms`,
  `- each audit append (queueing for the chain's next group commit, then the commit): mean ${meanMs('gateway_audit_append_duration_seconds')} ms, ${appendsPerRequest} per request (decision, outcome)`,
  `- the partner's answer after the decision (0 where the facts were read before it, as for dwp.status-check): mean ${meanMs('gateway_upstream_latency_seconds')} ms`,
  '',
  '## Self time by part of the stack',
  '',
  '| part | share |',
  '| --- | --- |',
  ...profile.parts.map((p) => `| ${p.name} | ${p.percent}% |`),
  '',
  '## Functions with the most self time',
  '',
  '| function | share |',
  '| --- | --- |',
  ...profile.functions.map((f) => `| \`${f.name.replace(/\|/g, '\\|')}\` | ${f.percent}% |`),
  '',
].join('\n');
const outDir = path.join(repo, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });
const out = path.join(outDir, `${at.slice(0, 16).replace(/[:T]/g, '-')}-profile.md`);
fs.writeFileSync(out, md);
console.log(`\n${md}\nwritten to ${out}`);
