// The floor under every audited exchange: what one flush of the disk costs (pg_test_fsync, fdatasync being
// Linux's and this server's wal_sync_method), and what the database's cheapest durable audited write costs — one
// transaction taking the chain's advisory lock and inserting one row, from one client. No gateway can answer an
// audited exchange faster than this, so the gateway's added latency is judged against it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { benchDatabase } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';

type Log = (line: string) => void;

/** Where pg_test_fsync writes: beside the server's data directory when it is on this machine, so the same disk. */
async function scratchDir(admin: Knex): Promise<{ dir: string; besideDataDir: boolean }> {
  try {
    const dataDir = String((await admin.raw('show data_directory')).rows[0].data_directory);
    // The parent, not the data directory itself: nothing of the bench's belongs inside PostgreSQL's own files.
    const parent = path.dirname(dataDir);
    if (fs.existsSync(dataDir) && fs.statSync(parent).dev === fs.statSync(dataDir).dev) {
      return { dir: fs.mkdtempSync(path.join(parent, 'gw-bench-fsync-')), besideDataDir: true };
    }
  } catch {
    /* a server elsewhere, or a data directory this user cannot see */
  }
  return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-fsync-')), besideDataDir: false };
}

function findPgTestFsync(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions.map((v) => path.join(root, v, 'bin/pg_test_fsync')).find((p) => fs.existsSync(p)) ?? null;
}

/** `pg_test_fsync -s 1`: fdatasync with one 8kB write, the cost of one WAL flush on this disk. */
export async function fsyncFloor(admin: Knex, log: Log) {
  const bin = findPgTestFsync();
  if (!bin) return { present: false as const, reason: 'pg_test_fsync not found under /usr/lib/postgresql/*/bin' };
  const { dir, besideDataDir } = await scratchDir(admin);
  log(`  pg_test_fsync -s 1 in ${dir}`);
  try {
    const run = spawnSync(bin, ['-s', '1', '-f', path.join(dir, 'pg_test_fsync.out')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    // The first fdatasync line is the one-8kB-write comparison: "fdatasync   7268.571 ops/sec   138 usecs/op".
    const line = /^\s*fdatasync\s+([\d.]+) ops\/sec\s+(\d+) usecs\/op/m.exec(run.stdout ?? '');
    if (!line)
      return {
        present: false as const,
        reason: `pg_test_fsync printed no fdatasync figure (exit ${run.status}): ${(run.stderr || run.stdout || '').slice(0, 200)}`,
      };
    return {
      present: true as const,
      bin,
      dir: besideDataDir ? 'beside the data directory' : os.tmpdir(),
      opsPerSecond: round(Number(line[1]), 0),
      usPerOp: Number(line[2]),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One durable transaction as an audited write makes it, from one client, on a database of its own. The table
 * is an ordinary one: a TEMPORARY table is not WAL-logged, so its commit would not wait for the flush and
 * would measure no floor at all (0.3 ms against 0.7 ms here).
 */
export async function durableWriteFloor(serverUrl: string, seconds: number, log: Log) {
  const database = await benchDatabase(serverUrl);
  const db = knexFactory({ client: 'pg', connection: database.url, pool: { min: 1, max: 1 } });
  try {
    await db.raw('create table floor_entry (seq bigserial primary key, body text not null)');
    log(`  one durable write (advisory lock + insert), 1 client for ${seconds} s`);
    const write = () =>
      db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(?)', [7]);
        await trx('floor_entry').insert({ body: 'x'.repeat(600) }); // about a decision entry's size
      });
    for (let i = 0; i < 50; i++) await write(); // warm the connection and the plan cache
    const latencies: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    while (performance.now() < deadline) {
      const began = performance.now();
      await write();
      latencies.push(performance.now() - began);
    }
    const s = summarise(latencies);
    return { seconds, count: s.count, p50: round(s.p50), p99: round(s.p99), perSecond: round(s.count / seconds, 0) };
  } finally {
    await db.destroy();
    await database.drop();
  }
}
