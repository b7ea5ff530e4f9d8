// `npm run bench:memory`: the gateway's resident memory under the throughput load, as V8 is left to size its heap
// and with the old generation capped, each run on a fresh database. V8 grows its heap lazily up to a limit set by
// the machine's memory (several GB here), so the RSS under load says more about that limit than about what the
// gateway holds; the capped runs show what it holds.
//   npm run bench:memory [-- --seconds 20] [--variant "--max-semi-space-size=4" --variant "" ...]
import { closedLoop } from './support/load.ts';
import { benchDatabase, rssMb, startGatewayProcess, startSandboxProcess } from './support/processes.ts';
import { round } from './support/stats.ts';
import { gatewayTarget } from './workload.ts';

const i = process.argv.indexOf('--seconds');
const seconds = i > 0 ? Number(process.argv[i + 1]) : 20;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
// Each --variant is a set of node flags, as one string ("" for V8's defaults); without any, the three below.
const asked = process.argv.flatMap((arg, n) => (arg === '--variant' ? [process.argv[n + 1] ?? ''] : []));
const variants =
  asked.length > 0
    ? asked.map((v) => v.split(' ').filter(Boolean))
    : [[], ['--max-old-space-size=160'], ['--max-old-space-size=128']];

const sandboxes = await startSandboxProcess(18_901);
const rows: string[] = [];
try {
  // Twice each, interleaved, because the machine's noise is larger than the differences in throughput.
  for (const flags of [...variants, ...variants]) {
    const database = await benchDatabase(serverUrl);
    const gateway = await startGatewayProcess({
      port: 18_280,
      databaseUrl: database.url,
      upstreams: sandboxes.urls,
      nodeArgs: flags,
    });
    try {
      const idle = rssMb(gateway.pid);
      const samples: number[] = [];
      const sampler = setInterval(() => samples.push(rssMb(gateway.pid)), 500);
      const run = await closedLoop(gatewayTarget(gateway.url, await gateway.token('dwp-benefits')), 64, seconds);
      clearInterval(sampler);
      const row = `| ${flags.join(' ') || '(V8 default)'} | ${round(idle, 0)} MB | ${round(Math.max(...samples), 0)} MB | ${round(run.latenciesMs.length / run.seconds, 0)}/s | ${run.errors} |`;
      console.log(row);
      rows.push(row);
    } finally {
      await gateway.stop();
      await database.drop();
    }
  }
} finally {
  await sandboxes.stop();
}
console.log(
  [
    '',
    `dwp.status-check, 64 in flight for ${seconds} s per run`,
    '',
    '| node flags | RSS idle | RSS max under load | answers | errors |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n'),
);
