// `npm run test:failover` (issue 16, "Losing a server"): the gateway on a PostgreSQL primary with a synchronous
// standby, partner systems calling it, a witness cosigning its checkpoints. The primary's host is lost (every
// PostgreSQL process of it killed with SIGKILL) under load; the standby is promoted and the primary address moved to
// it, as Patroni or a managed PostgreSQL would. Then three things must hold on the promoted server: every exchange a
// client saw answered is in the log; the chain verifies; the last checkpoint the witness cosigned is consistent with
// the log now. Writes bench/results/<time>-failover.md; exits 0 when all three hold, 1 otherwise.
// Not in `npm test`: it starts two PostgreSQL servers and takes a minute or more.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { runEntry, type CommandRun } from '../support/commands.ts';
import {
  processCaller,
  startGatewayProcess,
  stopGatewayProcess,
  type GatewayProcess,
} from '../support/gateway-process.ts';
import { startLoad } from './load.ts';
import { startPostgresPair } from './postgres-pair.ts';
import { startPrimaryAddress } from './primary-address.ts';
import { writeReport, type Outcome } from './report.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workers = Number(process.env.FAILOVER_CLIENTS ?? 6);
const witnessName = 'ico.org.uk/audit-witness';
const cleanups: (() => Promise<unknown>)[] = [];
const log = (line: string) => process.stdout.write(`[failover ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse())
    await cleanup().catch((error: Error) => log(`clean-up: ${error.message}`));
}
// Interrupted: what is registered is cleaned up, and any child started since (a gateway still starting, a CLI) is killed.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void cleanUp().then(() => {
        const children = spawnSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' })
          .stdout.split('\n')
          .filter(Boolean)
          .map(Number);
        for (const pid of children) process.kill(pid, 'SIGKILL');
        process.exit(130);
      }),
  );
}

async function main(): Promise<Outcome> {
  const t0 = Date.now();
  const pair = await startPostgresPair('gateway');
  cleanups.push(pair.destroy);
  const address = await startPrimaryAddress(pair.primary.port);
  cleanups.push(address.close);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-failover-'));
  cleanups.push(async () => fs.rmSync(work, { recursive: true, force: true }));
  const dataDir = path.join(work, 'gateway');
  fs.mkdirSync(dataDir);
  log(`primary on ${pair.primary.port}, synchronous standby on ${pair.standby.port}, primary address ${address.port}`);

  const gateway: GatewayProcess = await startGatewayProcess({
    dataDir,
    databaseUrl: `postgres://postgres@127.0.0.1:${address.port}/gateway`,
    env: { AUDIT_CHECKPOINT_EVERY: '50' },
  });
  // SIGTERM as an operator stops it; SIGKILL if it has not gone within 15 s, so that the run never hangs here.
  cleanups.push(() =>
    Promise.race([stopGatewayProcess(gateway), sleep(15_000).then(() => gateway.child.kill('SIGKILL'))]),
  );
  const setupMs = Date.now() - t0;
  log(`gateway at ${gateway.url} after ${setupMs} ms`);

  // The witness: its own key, registered by an administrator, run as a second party runs it.
  const keyFile = path.join(work, 'witness.key');
  const stateFile = path.join(work, 'witness.state.json');
  const witnessToken = await gateway.token('hmrc-benefits');
  const witness = (...args: string[]) =>
    runEntry('audit/cli/main.ts', ['witness', ...args], { WITNESS_TOKEN: witnessToken });
  const vkey = (await witness('init', '--name', witnessName, '--key', keyFile)).stdout.trim();
  const registered = await processCaller(gateway, 'registry-admin').post('/v1/audit/witnesses', { vkey });
  if (registered.status !== 201)
    throw new Error(`registering the witness: ${registered.status} ${JSON.stringify(registered.body)}`);
  const witnessRun = () => witness('run', '--gateway', gateway.url, '--key', keyFile, '--state', stateFile);
  const witnessed = () => JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { size: number; rootHash: string };

  const load = startLoad(gateway, workers);
  cleanups.push(load.stop);
  const loadFrom = Date.now();
  const cosignedBefore: number[] = [];
  while (cosignedBefore.length < 3 || load.answeredSince(loadFrom) < 300) {
    if (Date.now() - loadFrom > 180_000)
      throw new Error(
        `only ${load.answeredSince(loadFrom)} exchanges answered and ${cosignedBefore.length} cosignatures in 180 s`,
      );
    const run = await witnessRun();
    if (run.code !== 0) throw new Error(`the witness failed before the failover: ${run.stdout}${run.stderr}`);
    cosignedBefore.push(witnessed().size);
    await sleep(500);
  }
  const cosigned = witnessed();
  log(`witness cosigned sizes ${cosignedBefore.join(', ')}; ${load.answeredSince(loadFrom)} exchanges answered`);
  // The log grows past the witnessed checkpoint before the loss, so the proof after it has something to prove.
  const beyond = load.answeredSince(0);
  await load.until('more exchanges after the last cosignature', 60, () => load.answeredSince(0) >= beyond + 50);

  const killedAt = Date.now();
  const processesKilled = await pair.killPrimary();
  log(`primary killed (${processesKilled} processes, SIGKILL)`);
  await pair.promoteStandby();
  const promotedAt = Date.now();
  address.moveTo(pair.standby.port);
  log(`standby promoted after ${promotedAt - killedAt} ms; the primary address now points at it`);
  await load.until('the first exchange answered after the failover', 120, () => load.answeredSince(promotedAt) > 0);
  const firstAfter = Math.min(
    ...load.seen.filter((s) => s.status === 200 && s.at >= killedAt).map((s) => s.answeredAt),
  );
  await load.until('exchanges after the failover', 120, () => load.answeredSince(promotedAt) >= 200);
  await load.stop();
  const loadMs = Date.now() - loadFrom;
  log(`load stopped: ${load.seen.length} requests`);

  // 1. Every exchange a client saw answered (with an auditId) is in the promoted log, with its outcome if disclosed.
  const promoted = new pg.Client({ connectionString: pair.standby.url('gateway') });
  await promoted.connect();
  cleanups.push(() => promoted.end());
  const answered = load.seen.filter((s) => s.auditId);
  const ids = answered.map((s) => s.auditId!);
  const rows = (
    await promoted.query(
      `select id::text as id, kind, decision_id::text as decision from audit_log where id = any($1::uuid[]) or decision_id = any($1::uuid[])`,
      [ids],
    )
  ).rows as { id: string; kind: string; decision: string | null }[];
  const kindOf = new Map(rows.map((r) => [r.id, r.kind]));
  const withOutcome = new Set(rows.filter((r) => r.kind === 'outcome').map((r) => r.decision));
  // A disclosure (200) or a refusal (403) names its decision; a 503 after the lookup was recorded names that lookup.
  const missing = answered.filter((s) =>
    s.status === 200 || s.status === 403 ? kindOf.get(s.auditId!) !== 'decision' : !kindOf.has(s.auditId!),
  );
  const missingOutcomes = answered.filter((s) => s.status === 200 && !withOutcome.has(s.auditId!)).length;
  for (const s of missing)
    log(`not in the promoted log: ${s.status} ${s.code ?? ''} ${s.auditId} (sent ${s.at - killedAt} ms from the kill)`);
  const missingDecisions = missing.length;
  const head = Number((await promoted.query('select coalesce(max(seq), 0) as head from audit_log')).rows[0].head);

  // 2. The chain verifies, with the audit CLI as a DPO runs it, on the promoted server.
  const jwksFile = path.join(work, 'audit-keys.json');
  fs.writeFileSync(jwksFile, await (await fetch(`${gateway.url}/.well-known/audit-keys.json`)).text());
  const verify = await runEntry('audit/cli/main.ts', ['verify', '--jwks', jwksFile], {
    DATABASE_URL: pair.standby.url('gateway'),
    GATEWAY_DATA_DIR: dataDir,
  });

  // 3. The witness, run again, checks the consistency proof from what it cosigned to the log now, and cosigns;
  // and offline, the CLI checks the cosigned checkpoint (as the promoted server holds it, with the root the witness
  // remembers) against the newest one.
  const witnessAfter = await witnessRun();
  const dpo = processCaller(gateway, 'dpo');
  const older = (await promoted.query('select note, root_hash from audit_checkpoints where size = $1', [cosigned.size]))
    .rows[0] as { note: string; root_hash: string } | undefined;
  const newer = await (
    await fetch(`${gateway.url}/v1/audit/checkpoint`, {
      headers: { authorization: `Bearer ${await gateway.token('dpo')}` },
    })
  ).text();
  const newerSize = Number(newer.split('\n')[1]);
  const proof = await dpo.get(`/v1/audit/proofs/consistency?from=${cosigned.size}&to=${newerSize}`);
  let offline: CommandRun = {
    code: 1,
    stdout: `the promoted log has no checkpoint of ${cosigned.size} entries`,
    stderr: '',
  };
  if (older) {
    fs.writeFileSync(path.join(work, 'older.note'), older.note);
    fs.writeFileSync(path.join(work, 'newer.note'), newer);
    fs.writeFileSync(path.join(work, 'proof.json'), JSON.stringify(proof.body));
    offline = await runEntry(
      'audit/cli/main.ts',
      [
        'verify-consistency',
        path.join(work, 'older.note'),
        path.join(work, 'newer.note'),
        path.join(work, 'proof.json'),
        '--jwks',
        jwksFile,
      ],
      {},
    );
  }
  const verification = await dpo.get('/v1/audit/verification');

  // What the lost primary had committed on its own disk but never had acknowledged by the standby: entries no client
  // can have seen answered, since an answer waits for the standby. Read once the test is decided, for the report.
  const lost = await pair.startLostPrimaryAlone();
  const old = new pg.Client({ connectionString: lost.url('gateway') });
  await old.connect();
  cleanups.push(() => old.end());
  const promotedIds = new Set(
    ((await promoted.query('select id::text as id from audit_log')).rows as { id: string }[]).map((r) => r.id),
  );
  const onlyOnLost = ((await old.query('select id::text as id from audit_log')).rows as { id: string }[])
    .filter((r) => !promotedIds.has(r.id))
    .map((r) => r.id);
  const answeredOnlyOnLost = answered.filter((s) => onlyOnLost.includes(s.auditId!)).length;

  return {
    workers,
    setupMs,
    loadMs,
    seen: load.seen,
    killedAt,
    promotedAt,
    firstAfter,
    processesKilled,
    head,
    answered: answered.length,
    missingDecisions,
    missingOutcomes,
    verify,
    verification: verification.body,
    cosignedBefore,
    cosigned,
    witnessAfter,
    offline,
    olderRootMatches: older?.root_hash === cosigned.rootHash,
    newerSize,
    onlyOnLost: onlyOnLost.length,
    answeredOnlyOnLost,
  };
}

let code = 1;
try {
  const outcome = await main();
  const { file, passed } = writeReport(repo, outcome);
  log(`${passed ? 'PASSED' : 'FAILED'}: ${path.relative(repo, file)}`);
  code = passed ? 0 : 1;
} catch (error) {
  log(`FAILED: ${(error as Error).stack ?? String(error)}`);
} finally {
  await cleanUp();
}
process.exit(code);
