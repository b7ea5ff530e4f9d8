// A batch survives its gateway being killed with SIGKILL: started again on the same database, the gateway resumes
// the batch, and no record is done twice or lost. The hard case is made on purpose: DWP hangs on the records in
// hand when the process dies, so their decisions are committed and their outcomes are not. Those are not decided
// (or counted, or sent) again: the audit log, read by each record's request id, says what became of them.
// On PostgreSQL only, like killed-under-load.test.ts: the embedded PGlite is not crash-safe (README).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts';
import { ninoAlignment, paths } from '../support/requests.ts';

const { turns30On2018_05_01: priya } = fixtures;
const record = () =>
  ninoAlignment([{ ...priya, homeOfficeReference: priya.immigration.homeOfficeReference!, nino: priya.nino }]);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-batch-kill-'));
const size = 200;
const failing = 10;
const concurrency = 4;
let database: TestDatabase | null = null;
let running: GatewayProcess | null = null;
let partner: http.Server | null = null;

afterAll(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  partner?.closeAllConnections();
  partner?.close();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** DWP failing its first calls with a 500 (those records finish, as failed), then hanging on every call after. */
async function failingThenHangingDwp(onCall: (n: number) => void) {
  let calls = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    calls += 1;
    if (calls <= failing) {
      res.statusCode = 500;
      res.end('{"error":"internal"}');
    }
    onCall(calls);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls };
}

describe('a batch whose gateway is killed with SIGKILL mid-batch', () => {
  it('resumes after a restart with every record done once and none lost', async () => {
    database = await openTestDatabase();
    const { databaseUrl } = { databaseUrl: database.url };
    const batchEnv = { BATCH_CONCURRENCY: String(concurrency), BATCH_POLL_MS: '100', BATCH_LEASE_SECONDS: '3' };
    let first: GatewayProcess | null = null;
    const dwp = await failingThenHangingDwp((n) => {
      if (n === failing + concurrency) first?.child.kill('SIGKILL');
    });
    partner = dwp.server;
    first = running = await startGatewayProcess({
      dataDir,
      databaseUrl,
      env: { ...batchEnv, DWP_UPSTREAM_URL: dwp.url, UPSTREAM_TIMEOUT_MS: '60000' },
    });
    const token = await first.token('ukvi-casework');
    const submitted = await fetch(`${first.url}${paths['dwp.nino-alignment']}/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
      body: Array.from({ length: size }, () => JSON.stringify(record())).join('\n'),
    });
    expect(submitted.status).toBe(202);
    const location = submitted.headers.get('location')!;
    expect(await first.exited).toBe('SIGKILL');
    expect(dwp.calls()).toBe(failing + concurrency);

    // Started again with DWP's sandbox: the rest of the batch is worked, and the records in hand at the kill are taken up once their lease runs out.
    running = await startGatewayProcess({ dataDir, databaseUrl, env: batchEnv });
    const again = await running.token('ukvi-casework');
    const get = (p: string) => fetch(running!.url + p, { headers: { authorization: `Bearer ${again}` } });
    let progress: Record<string, any>;
    do {
      await new Promise((resolve) => setTimeout(resolve, 200));
      progress = (await (await get(location)).json()) as Record<string, any>;
    } while (progress.state !== 'done');
    expect(progress).toMatchObject({
      total: size,
      done: size,
      permitted: size - failing - concurrency,
      failed: failing + concurrency,
      refused: 0,
    });

    const lines = (await (await get(`${location}/results`)).text())
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.index)).toEqual(Array.from({ length: size }, (_, i) => i));
    expect(lines.filter((l) => l.outcome === 'upstream-failed')).toHaveLength(failing);
    const interrupted = lines.filter((l) => l.outcome === 'interrupted');
    expect(interrupted).toHaveLength(concurrency);
    for (const line of interrupted)
      expect(line).toMatchObject({ status: 'failed', decision: 'permit', recovered: true });
    expect(lines.filter((l) => l.outcome === 'aligned')).toHaveLength(size - failing - concurrency);

    // No record decided twice: each request id has one decision in the log, and each line names it.
    const decisions = await database
      .db('audit_log')
      .select(database.db.raw(`body->>'requestId' as "requestId"`), 'id')
      .where({ kind: 'decision' })
      .whereIn(
        database.db.raw(`body->>'requestId'`) as any,
        lines.map((l) => l.requestId),
      );
    expect(decisions).toHaveLength(size);
    expect(new Set(decisions.map((d) => d.requestId)).size).toBe(size);
    const byRequest = new Map(decisions.map((d) => [d.requestId, d.id]));
    for (const line of lines) expect(line.auditId).toBe(byRequest.get(line.requestId));
    // Nothing of a record's input is left once it is done.
    expect(
      Number((await database.db('batch_records').whereNotNull('input').count<{ n: string }[]>({ n: '*' }))[0]!.n),
    ).toBe(0);
  }, 180_000);
});
