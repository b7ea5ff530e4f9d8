// Each entry keeps its body as the exact canonical JSON text that its hash covers (`body_canonical`), and `body`
// (jsonb, what every query reads) becomes generated from that text, as do the columns generated from `body`.
// Verification then reads text and hashes it, instead of having PostgreSQL print jsonb and re-sorting it
// (about 10 µs an entry on the server alone), and `body` cannot be changed without changing the hashed text.
// Entries written before this migration get their canonical text here: the one time existing rows are touched,
// with the append-only trigger off inside this migration's transaction; their hashes are not changed.
import type { Knex } from 'knex';
import { canonicalJson } from '../canonical.ts';

const fromCanonical = `(body_canonical::jsonb)`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table audit_log add column body_canonical text');
  await knex.raw('alter table audit_log disable trigger audit_log_no_change');
  for (let after = 0; ; ) {
    const rows: { seq: number | string; body: unknown }[] = await knex('audit_log')
      .select('seq', 'body')
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(1000);
    if (rows.length === 0) break;
    const seqs = rows.map((r) => Number(r.seq));
    const texts = rows.map((r) => canonicalJson(typeof r.body === 'string' ? JSON.parse(r.body) : r.body));
    await knex.raw(
      `update audit_log a set body_canonical = v.text from unnest(?::bigint[], ?::text[]) as v(seq, text) where a.seq = v.seq`,
      [seqs, texts],
    );
    after = seqs[seqs.length - 1]!;
  }
  await knex.raw('alter table audit_log enable trigger audit_log_no_change');
  await knex.raw('alter table audit_log alter column body_canonical set not null');

  // Dropping body drops the columns generated from it and the indexes over them; all are made again from the text.
  await knex.raw('alter table audit_log drop column body cascade');
  await knex.raw(`alter table audit_log
    add column body jsonb not null generated always as ${fromCanonical} stored,
    add column exchange text generated always as (${fromCanonical}->>'exchange') stored,
    add column agreement_id text generated always as (${fromCanonical}->'agreement'->>'id') stored,
    add column party text generated always as (${fromCanonical}->>'party') stored,
    add column decision text generated always as (${fromCanonical}->>'decision') stored,
    add column decision_id uuid generated always as ((${fromCanonical}->>'decisionId')::uuid) stored`);
  await knex.raw('create index audit_log_exchange on audit_log (exchange, recorded_at)');
  await knex.raw('create index audit_log_agreement_month on audit_log (agreement_id, decision, recorded_at)');
  await knex.raw('create index audit_log_decision_id on audit_log (decision_id)');
  await knex.raw(`create index audit_log_subjects on audit_log using gin ((body->'subjects') jsonb_path_ops)`);
  await knex.raw(`create index audit_log_rules on audit_log using gin ((body->'rules') jsonb_path_ops)`);
  await knex.raw('create index audit_log_party on audit_log (party, seq)');
}

export async function down(): Promise<void> {
  throw new Error('The audit log is never rolled back');
}
