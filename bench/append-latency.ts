// `npm run bench:append`: what one audited exchange's durable write costs on the PostgreSQL server, one client at a
// time, beside the database's own floor in the same run: a one-statement INSERT in autocommit (one round trip and
// one WAL flush) and the chain's four statements sent one by one (BEGIN, the advisory lock, INSERT, COMMIT). The
// group commit's append (audit/group-commit.ts) is two round trips; this says how close to the floor that is.
import { randomUUID } from 'node:crypto';
import knexFactory from 'knex';
import pg from 'pg';
import { createAuditAppender } from '../audit/append.ts';
import { decisionEntry } from '../audit/entry-kinds.ts';
import type { BatchReader } from '../audit/group-commit.ts';
import { migrate } from '../schema/migrations.ts';
import { benchDatabase } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const samples = Number(process.env.BENCH_APPEND_SAMPLES ?? 2000);

const body = () => ({
  exchange: 'dwp.status-check',
  party: 'dwp',
  clientId: 'dwp-benefits',
  decisionDate: '2026-11-23',
  decision: 'permit' as const,
  agreement: { id: 'home-office-dwp-umbrella-mou', version: '2012-01' },
  obligations: [],
  directives: [],
  rules: [{ id: 'party', outcome: 'permit' as const, reason: 'The caller is a party to the agreement.' }],
  requestId: randomUUID(),
});

async function timed(run: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < samples + 200; i++) {
    const t0 = performance.now();
    await run();
    if (i >= 200) times.push(performance.now() - t0); // the first 200 warm the caches and the JIT
  }
  const m = summarise(times);
  return { p50: round(m.p50, 3), p90: round(m.p90, 3), p99: round(m.p99, 3) };
}

const database = await benchDatabase(serverUrl);
const db = knexFactory({ client: 'pg', connection: database.url, pool: { min: 1, max: 2 } });
const client = new pg.Client({ connectionString: database.url });
try {
  await migrate(db);
  await client.connect();
  await client.query('create table floor_rows (id uuid primary key, body text not null)');
  const results = {
    'INSERT, autocommit (the floor)': await timed(() =>
      client.query('insert into floor_rows values ($1, $2)', [randomUUID(), JSON.stringify(body())]),
    ),
    'BEGIN, lock, INSERT, COMMIT, one by one': await timed(async () => {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(42)');
      await client.query('insert into floor_rows values ($1, $2)', [randomUUID(), JSON.stringify(body())]);
      await client.query('commit');
    }),
    ...(await (async () => {
      const appender = createAuditAppender(db);
      // A reader as the exchange path's: a column read with the head, and a guess (the caps) in the same statement.
      const reader: BatchReader<null, number> = {
        column: 'select 1',
        prefetch: () => ({ column: "select '{}'::jsonb", guess: 1 }),
        read: async () => ({ reads: 1 }),
      };
      return {
        'group-commit append, one entry (the exchange path)': await timed(() =>
          appender.appendGrouped({
            reader,
            need: null,
            build: () => ({ entries: [decisionEntry(body())], result: null }),
          }),
        ),
      };
    })()),
  };
  console.log(
    `PostgreSQL at ${serverUrl.replace(/\/\/[^@]*@/, '//')}, ${samples} sequential writes each, times in ms:`,
  );
  for (const [name, r] of Object.entries(results)) console.log(`  ${name}: p50 ${r.p50}, p90 ${r.p90}, p99 ${r.p99}`);
} finally {
  await client.end().catch(() => undefined);
  await db.destroy();
  await database.drop();
}
