// Batch throughput beside single calls, on the PostgreSQL server: one gateway process (with its sandbox partners),
// N NINo-alignment records sent once as a batch and once as N single calls from `clients` concurrent callers.
// Part of `npm run bench`; alone:
//   npx tsx bench/batch-throughput.ts [records=2000] [clients=8]
// The gateway logs at info: its "gateway listening" line is how the process is known to be up.
// Figures are records per second, wall clock, on whatever else the machine is doing (its load is printed).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixtures } from '../sandbox/population/fixtures.ts';
import { startGatewayProcess, stopGatewayProcess } from '../tests/support/gateway-process.ts';
import { ninoAlignment, paths } from '../tests/support/requests.ts';
import { benchDatabase } from './support/processes.ts';

const { turns30On2018_05_01: priya } = fixtures;
const body = JSON.stringify(
  ninoAlignment([{ ...priya, homeOfficeReference: priya.immigration.homeOfficeReference!, nino: priya.nino }]),
);

export interface BatchThroughput {
  records: number;
  batchPermitted: number;
  singlePermitted: number;
  clients: number;
  batchConcurrency: number;
  batchRecordsPerSecond: number;
  singleCallsPerSecond: number;
  cores: number;
  loadAverage: number[];
}

export async function benchBatchThroughput(
  serverUrl: string,
  records: number,
  clients: number,
): Promise<BatchThroughput> {
  const database = await benchDatabase(serverUrl);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-batch-'));
  const gateway = await startGatewayProcess({
    dataDir,
    databaseUrl: database.url,
    env: { RATE_LIMIT_PER_MINUTE: '1000000', BATCH_POLL_MS: '50' },
  });
  try {
    const token = await gateway.token('ukvi-casework');
    const headers = { authorization: `Bearer ${token}` };

    let started = performance.now();
    const submitted = await fetch(`${gateway.url}${paths['dwp.nino-alignment']}/batches`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body: Array.from({ length: records }, () => body).join('\n'),
    });
    if (submitted.status !== 202) throw new Error(`batch refused: ${submitted.status} ${await submitted.text()}`);
    const location = submitted.headers.get('location')!;
    let progress: { state: string; permitted: number };
    do {
      await new Promise((resolve) => setTimeout(resolve, 100));
      progress = (await (await fetch(gateway.url + location, { headers })).json()) as typeof progress;
    } while (progress.state !== 'done');
    const batchSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    let next = 0;
    let permitted = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next++ < records) {
          const res = await fetch(gateway.url + paths['dwp.nino-alignment'], {
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json' },
            body,
          });
          if (res.status === 200) permitted += 1;
          await res.arrayBuffer();
        }
      }),
    );
    const singleSeconds = (performance.now() - started) / 1000;

    return {
      records,
      batchPermitted: progress.permitted,
      singlePermitted: permitted,
      clients,
      batchConcurrency: 8,
      batchRecordsPerSecond: Math.round(records / batchSeconds),
      singleCallsPerSecond: Math.round(records / singleSeconds),
      cores: os.cpus().length,
      loadAverage: os.loadavg().map((n) => Math.round(n * 10) / 10),
    };
  } finally {
    await stopGatewayProcess(gateway);
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const figures = await benchBatchThroughput(serverUrl, Number(process.argv[2] ?? 2000), Number(process.argv[3] ?? 8));
  console.log(JSON.stringify(figures, null, 2));
}
