// Figures for operations outside the gateway (rec 3; ¶6.19 Project WALKS, ¶6.180 Operation DINTEL, ¶6.160 the IECAS
// helpline), recorded by an SRO with their source. Append-only, enforced here: a figure found wrong is corrected by
// recording another for the same period, never by editing the first. recorded_at is the database's clock.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table reported_measures (
      id uuid primary key,
      collaboration_id text not null,
      measure text not null,
      period_from date not null,
      period_to date not null,
      value numeric not null check (value >= 0),
      source text not null check (length(source) between 1 and 2000),
      actor text not null,
      party text not null,
      recorded_at timestamptz not null default now(),
      check (period_from <= period_to)
    )`);
  await knex.raw('create index reported_measures_collaboration on reported_measures (collaboration_id, period_from)');
  await knex.raw(`
    create function reported_measures_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'reported_measures is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger reported_measures_no_change before update or delete on reported_measures
    for each row execute function reported_measures_append_only()`);
  await knex.raw(`create trigger reported_measures_no_truncate before truncate on reported_measures
    for each statement execute function reported_measures_append_only()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table reported_measures');
  await knex.raw('drop function reported_measures_append_only()');
}
