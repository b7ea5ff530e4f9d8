// `npm run bench:measures`: the measures report over a log of about a million entries, the way main computed it
// before issue 17 (one row per decision, three sub-queries each, added up in JavaScript: measures-old-path.ts) and
// the way it does now (the database adds up: audit/measure-queries.ts), for a 30-day and a 400-day window.
// The log is generated in SQL (generate_series) straight into audit_log of a scratch database: the entries are
// shaped like the gateway's (decision, outcome, feedback, completion, under the default register's agreements)
// but neither hashed nor chained, which the measures never look at. Both paths must give the same report.
//   BENCH_DATABASE_URL=postgres://… npm run bench:measures [-- --decisions 440000]
import { deepStrictEqual } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory from 'knex';
import { buildReport, type RegisterView } from '../gateway/measures/report.ts';
import { slaTable } from '../gateway/measures/sla.ts';
import { createMeasuresStore } from '../gateway/measures/store.ts';
import type { Window } from '../gateway/measures/types.ts';
import { defaultRegister } from '../mou-registry/default-register/index.ts';
import { openScratchDatabase } from '../platform/db/scratch.ts';
import { migrate } from '../schema/migrations.ts';
import { oldBuildReport, oldRecords } from './measures-old-path.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const flag = process.argv.indexOf('--decisions');
const decisions = flag > 0 ? Number(process.argv[flag + 1]) : 440_000;
const days = 400;
const lastDay = '2026-11-30';
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

const view: RegisterView = {
  collaborations: defaultRegister.collaborations,
  agreements: defaultRegister.agreements,
  versions: defaultRegister.versions,
  directives: defaultRegister.directives,
};
// Exchanges under agreement versions that set an SLA first, so that the SLA figures have work to do.
const combos = view.versions
  .filter((v) => v.inForceFrom !== null)
  .sort((a, b) => slaTable(b).length - slaTable(a).length)
  .flatMap((v) =>
    v.exchanges.map((e) => ({
      agreement: v.agreementId,
      version: v.version,
      exchange: e.exchange,
      party: e.requesters[0] ?? 'home-office',
      partner: e.responder,
      direction: e.requesters[0]?.startsWith('home-office') ? 'outbound' : 'inbound',
    })),
  )
  .slice(0, 8)
  .map((c, k) => ({ k, ...c }));
const directiveIds = view.directives.slice(0, 2).map((d) => d.id);

// --database <url>: a database an earlier run kept (BENCH_MEASURES_KEEP=1), already filled.
const reuse = process.argv.indexOf('--database') > 0 ? process.argv[process.argv.indexOf('--database') + 1]! : null;
const scratch = reuse
  ? { db: knexFactory({ client: 'pg', connection: reuse }), url: reuse, drop: async () => {} }
  : await openScratchDatabase(serverUrl);
const { db } = scratch;
try {
  const filled = performance.now();
  if (!reuse) {
    log(`scratch database on ${new URL(serverUrl).host}; migrating`);
    await migrate(db);
    const start = Date.parse(`${lastDay}T12:00:00Z`) - days * 86_400_000;
    log(`generating ${decisions} decisions over ${days} days under ${combos.length} exchanges of the default register`);
    for (let lo = 0; lo < decisions; lo += 50_000) {
      await fill(lo, Math.min(lo + 50_000, decisions) - 1, start);
      log(`  ${Math.min(lo + 50_000, decisions)} decisions`);
    }
    await db.raw('analyze audit_log');
  }
  const entries = Number((await db.raw('select count(*) as n from audit_log')).rows[0].n);
  const fillSeconds = Math.round((performance.now() - filled) / 1000);
  log(`${entries} entries in ${fillSeconds} s`);

  const store = createMeasuresStore(db);
  const head = await store.head();
  const windows: { name: string; window: Window }[] = [
    { name: '30 days', window: { from: addDays(lastDay, -29), to: lastDay } },
    { name: '400 days', window: { from: addDays(lastDay, -(days - 1)), to: lastDay } },
  ];
  const results: Row[] = [];
  for (const { name, window } of windows) {
    const timesNew: number[] = [];
    let report = null;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      report = buildReport(await store.aggregates(window, head, view), view, window, head, []);
      timesNew.push(performance.now() - t);
    }
    const timesOldQuery: number[] = [];
    const timesOldBuild: number[] = [];
    let decisionsInWindow = 0;
    for (let i = 0; i < 3; i++) {
      let t = performance.now();
      const records = await oldRecords(db, window, head);
      timesOldQuery.push(performance.now() - t);
      decisionsInWindow = records.length;
      // The old grouping copies each group's array for every record it adds: quadratic, hours at 400 days.
      if (records.length > 100_000) continue;
      t = performance.now();
      const old = oldBuildReport(records, view, window, head, []);
      timesOldBuild.push(performance.now() - t);
      if (i === 0) deepStrictEqual(report, old);
    }
    const series = performance.now();
    await store.aggregates(window, head, view, { collaborationId: view.collaborations[0]!.id, interval: 'week' });
    results.push({
      window: name,
      decisions: decisionsInWindow,
      newMs: median(timesNew),
      oldQueryMs: median(timesOldQuery),
      oldBuildMs: timesOldBuild.length ? median(timesOldBuild) : null,
      seriesMs: Math.round(performance.now() - series),
      same: timesOldBuild.length > 0,
    });
    log(`${name}: ${JSON.stringify(results.at(-1))}`);
  }
  const at = new Date().toISOString();
  const file = path.join(import.meta.dirname, 'results', `${at.slice(0, 10)}-measures.md`);
  fs.writeFileSync(file, render(at, entries, fillSeconds, results));
  log(`written to ${file}`);
} finally {
  if (process.env.BENCH_MEASURES_KEEP || reuse) log(`kept: ${scratch.url}`);
  else await scratch.drop();
  if (reuse) await db.destroy();
}

interface Row {
  window: string;
  decisions: number;
  newMs: number;
  oldQueryMs: number;
  oldBuildMs: number | null;
  seriesMs: number;
  same: boolean;
}

function median(xs: number[]): number {
  return Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Decisions lo..hi with their outcomes (85% permitted), feedback (a quarter) and completions (two fifths). */
async function fill(lo: number, hi: number, start: number) {
  const step = (days * 86_400) / decisions;
  await db.raw(
    `
    with g as (
      select i, c.*, to_timestamp(?::float8 + i * ?::float8) as t, md5('d' || i)::uuid as did,
        abs(hashint4(i)) % 1000 as r1, abs(hashint4(i + 7919)) % 1000 as r2
      from generate_series(?::int, ?::int) i
      join jsonb_to_recordset(?::jsonb) c(k int, agreement text, version text, exchange text, party text, partner text,
        direction text) on c.k = i % ?
    ),
    d as (select g.*, r1 < 850 as permit from g),
    entries as (
      select i * 4 as seq, did as id, t as recorded_at, 'decision' as kind, jsonb_build_object(
        'exchange', exchange, 'direction', direction, 'party', party, 'partner', partner,
        'agreement', jsonb_build_object('id', agreement, 'version', version),
        'decision', case when permit then 'permit' else 'deny' end,
        'decisionDate', to_char(t at time zone 'Europe/London', 'YYYY-MM-DD'),
        'purpose', 'benefit-entitlement-status-check', 'legalBasis', 'ssaa-1992-s122b', 'caseReference', 'BENCH-' || i,
        'subjects', jsonb_build_array(jsonb_build_object('key', md5('s' || (i % 50000)))),
        'rules', case when permit then '[{"id":"agreement-in-force","outcome":"permit"}]'::jsonb
          else jsonb_build_array(jsonb_build_object('id', (array['windrush-pause','monthly-cap','purpose-allowed'])[r1 % 3 + 1],
            'outcome', 'deny')) end,
        'directives', case when r2 < 300 then to_jsonb(?::text[]) else '[]'::jsonb end,
        'requestId', 'req-' || i) as body
      from d
      union all
      select i * 4 + 1, md5('o' || i)::uuid, t + interval '300 milliseconds', 'outcome', jsonb_build_object(
        'decisionId', did, 'exchange', exchange, 'party', party, 'partner', partner,
        'outcome', case when r2 % 10 < 6 then 'matched' when r2 % 10 < 8 then 'no-match'
          when r2 % 10 = 8 then 'upstream-error' else 'partial-match' end,
        'latencyMs', 20 + (r1 * 7 + r2) % 1500,
        'referrals', case when r2 < 20 then '["windrush-taskforce"]'::jsonb else '[]'::jsonb end)
      from d where permit
      union all
      select i * 4 + 2, md5('f' || i)::uuid, t + interval '600 milliseconds', 'feedback', jsonb_build_object(
        'decisionId', did, 'exchange', exchange, 'party', partner, 'partner', party,
        'feedback', (array['no-action','benefit-stopped','address-updated','wrong-person','data-inaccurate'])[r1 % 5 + 1])
      from d where permit and r2 % 4 = 0
      union all
      select i * 4 + 3, md5('c' || i)::uuid, t + interval '900 milliseconds', 'feedback', jsonb_build_object(
        'decisionId', did, 'exchange', exchange, 'party', partner, 'partner', party, 'feedback', 'completed',
        'work', 'trace-answered', 'completedAt', to_char((t + (r2 % 20) * interval '1 day' + (r1 % 24) * interval '1 hour')
          at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      from d where permit and r1 % 5 < 2
    )
    insert into audit_log (seq, id, recorded_at, kind, prev_hash, hash, body_canonical)
    select seq, id, recorded_at, kind, 'p' || seq, 'h' || seq, body::text from entries order by seq`,
    [start / 1000, step, lo, hi, JSON.stringify(combos), combos.length, directiveIds],
  );
}

function render(at: string, entries: number, fillSeconds: number, rows: Row[]): string {
  const ms = (n: number | null) => (n === null ? 'not run' : `${n.toLocaleString('en-GB')} ms`);
  return `# Measures: aggregated in SQL against the old per-decision path (issue 17)

${at}, \`npm run bench:measures\`, PostgreSQL at ${new URL(serverUrl).host}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'},
load average at the end ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')}.

**Indicative only**: the machine was shared with several other helpers running test suites while this ran, so
absolute times move from run to run; the ratio between the two paths is the figure to read.

The log: ${entries.toLocaleString('en-GB')} entries (${decisions.toLocaleString('en-GB')} decisions over ${days} days
under ${combos.length} exchanges of the default register; 85% permitted, each with its outcome, a quarter with
feedback, two fifths with a completion), ${reuse ? 'generated in SQL by an earlier run' : `generated in SQL in ${fillSeconds} s`}. Not hashed or chained: the measures
never read the chain.

Each time is the median of three: *new* is \`store.aggregates\` (one statement, audit/measure-queries.ts) and
\`buildReport\`; *old* is main's \`records()\` query (one row per decision, three sub-queries each) and its
JavaScript grouping, kept in bench/measures-old-path.ts.

| window | decisions | new (query + report) | old query | old grouping | same report | new weekly series |
|---|---:|---:|---:|---:|---|---:|
${rows
  .map(
    (r) =>
      `| ${r.window} | ${r.decisions.toLocaleString('en-GB')} | ${ms(r.newMs)} | ${ms(r.oldQueryMs)} | ${ms(r.oldBuildMs)} ` +
      `| ${r.same ? 'yes (deepStrictEqual)' : 'not compared'} | ${ms(r.seriesMs)} |`,
  )
  .join('\n')}

The old grouping is not run above 100,000 decisions: it copies a group's array for every record it adds to it,
so its time grows with the square of the decisions (hours at 400 days).
`;
}
