// The audit log: append-only, enforced by triggers; each entry chained to the one before by its hash.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_log (
      seq bigint primary key,
      id uuid not null unique,
      recorded_at timestamptz not null,
      kind text not null check (kind in ('decision', 'outcome', 'dry-run', 'register-change')),
      body jsonb not null,
      prev_hash text not null,
      hash text not null unique,
      exchange text generated always as (body->>'exchange') stored,
      agreement_id text generated always as (body->'agreement'->>'id') stored,
      party text generated always as (body->>'party') stored,
      decision text generated always as (body->>'decision') stored,
      decision_id uuid generated always as ((body->>'decisionId')::uuid) stored
    )`);
  await knex.raw('create index audit_log_exchange on audit_log (exchange, recorded_at)');
  await knex.raw('create index audit_log_agreement_month on audit_log (agreement_id, decision, recorded_at)');
  await knex.raw('create index audit_log_decision_id on audit_log (decision_id)');
  await knex.raw("create index audit_log_subjects on audit_log using gin ((body->'subjects') jsonb_path_ops)");
  await knex.raw(`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`);
  await knex.raw(`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`);
}

export async function down(): Promise<void> {
  throw new Error('The audit log is never rolled back');
}
