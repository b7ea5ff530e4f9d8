// `npm run bench:insert`: what one group commit of 128 decision entries costs on the PostgreSQL server, split
// into the gateway's share (canonical JSON, SHA-256) and the database's (one multi-row INSERT and COMMIT), and
// what the database's share becomes without the stored jsonb copy of each body. It sizes item (1) of the plan
// in README ("Benchmarks"): the database, not the gateway, is where a group commit's time goes.
import { randomUUID } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { canonicalJson } from '../audit/canonical.ts';
import { hashOfCanonical } from '../audit/entry-hash.ts';
import { genesisHash } from '../audit/types.ts';
import { migrate } from '../schema/migrations.ts';
import { benchDatabase } from './support/processes.ts';
import { round, summarise } from './support/stats.ts';

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const batch = 128;
const rounds = 30;

// A decision as dwp.status-check writes it: fourteen rules with their reasons, two subject HMACs.
const ruleIds = [
  'party',
  'agreement-in-force',
  'purpose',
  'legal-basis',
  'direction',
  'field-scope',
  'windrush-pause',
  'financial-services-age',
  'nhs-narrowed-scope',
  'nhs-non-clinical',
  'dfe-offender-belief',
  'debtor-threshold',
  'match-quality',
  'monthly-cap',
];
const decisionBody = (i: number) => ({
  exchange: 'dwp.status-check',
  direction: 'inbound',
  partner: 'home-office',
  party: 'dwp',
  clientId: 'dwp-benefits',
  requestId: randomUUID(),
  caseReference: 'c'.repeat(64),
  subjects: ['a'.repeat(64), 'b'.repeat(64)],
  decisionDate: '2026-12-02',
  fieldsRequested: ['subject.forename', 'subject.surname', 'subject.dateOfBirth', 'subject.nino'],
  purpose: 'benefit-entitlement-status-check',
  legalBasis: 'ssaa-1992-s122b',
  decision: 'permit',
  obligations: [],
  rules: ruleIds.map((id) => ({
    id,
    outcome: 'permit',
    reason: `Rule ${id} holds for this request; this reason is as long as the gateway's usually are (${i}).`,
  })),
  agreement: { id: 'home-office-dwp-umbrella-mou', version: '2012-01' },
  directives: ['windrush-status-check-referral-2018'],
});

async function measure(db: Knex) {
  let seq = 0;
  let prevHash = genesisHash;
  const build: number[] = [];
  const commit: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    const recordedAt = new Date().toISOString();
    const rows = Array.from({ length: batch }, (_, i) => {
      seq += 1;
      const body = JSON.parse(JSON.stringify(decisionBody(i))) as Record<string, unknown>;
      const canonical = canonicalJson(body);
      const draft = { seq, id: randomUUID(), recordedAt, kind: 'decision' as const, body, prevHash };
      prevHash = hashOfCanonical(draft, canonical);
      return {
        seq,
        id: draft.id,
        recorded_at: recordedAt,
        kind: 'decision',
        body_canonical: canonical,
        prev_hash: draft.prevHash,
        hash: prevHash,
      };
    });
    const t1 = performance.now();
    await db.transaction(async (trx) => {
      await trx('audit_log').insert(rows);
    });
    const t2 = performance.now();
    if (r >= 5) {
      build.push(t1 - t0);
      commit.push(t2 - t1);
    } // the first rounds warm the caches
  }
  const s = (xs: number[]) => {
    const m = summarise(xs);
    return { p50: round(m.p50), p90: round(m.p90) };
  };
  return { build: s(build), commit: s(commit), perEntryUs: round((1000 * summarise(commit).p50) / batch, 1) };
}

const results: Record<string, unknown> = {};
for (const variant of ['as migrated', 'without the stored jsonb body'] as const) {
  const database = await benchDatabase(serverUrl);
  const db = knexFactory({ client: 'pg', connection: database.url, pool: { min: 1, max: 2 } });
  try {
    await migrate(db);
    // The body and the columns generated from it are what every query reads; dropped here only to size them.
    if (variant !== 'as migrated') {
      await db.raw('drop trigger audit_log_search_columns on audit_log');
      await db.raw(
        'alter table audit_log drop column exchange cascade, drop column agreement_id cascade, drop column party cascade, drop column decision cascade, drop column decision_id cascade, drop column body cascade',
      );
    }
    results[variant] = await measure(db);
    console.log(`${variant}: ${JSON.stringify(results[variant])}`);
  } finally {
    await db.destroy();
    await database.drop();
  }
}
console.log(
  `\n${batch} entries a commit, ${rounds - 5} commits measured; times in ms (p50, p90); perEntryUs is the database's share per entry.`,
);
