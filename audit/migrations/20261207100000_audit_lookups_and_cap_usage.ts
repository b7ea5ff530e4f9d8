// Two things the redesigned exchange pipeline needs of the log.
// 1. A `lookup` entry: looking a person up in the Home Office's records discloses their identifiers, so the
//    intent is committed before the lookup happens (kind check widened; no existing row is touched).
// 2. Monthly cap counters kept by the database from the log itself: a trigger adds each permitted decision to
//    `audit_cap_usage` in the same statement that appends it, so a group commit reads one small row per cap
//    instead of counting the month's entries, and the counter can never drift from the log. The trigger runs
//    as the table's owner (security definer), so the gateway's least-privilege role needs only SELECT on it.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table audit_log drop constraint audit_log_kind_check`);
  await knex.raw(`alter table audit_log add constraint audit_log_kind_check
    check (kind in ('decision', 'outcome', 'dry-run', 'register-change', 'feedback', 'lookup'))`);

  await knex.raw(`
    create table audit_cap_usage (
      agreement_id text not null,
      exchange text not null,
      month date not null,
      permits bigint not null,
      primary key (agreement_id, month, exchange)
    )`);
  await knex.raw(`
    insert into audit_cap_usage (agreement_id, exchange, month, permits)
    select agreement_id, coalesce(exchange, ''), date_trunc('month', recorded_at at time zone 'Europe/London')::date, count(*)
    from audit_log where kind = 'decision' and decision = 'permit' and agreement_id is not null
    group by 1, 2, 3`);
  await knex.raw(`
    create function audit_cap_usage_count() returns trigger language plpgsql security definer
    set search_path = pg_catalog, public as $$
    begin
      insert into audit_cap_usage as u (agreement_id, exchange, month, permits)
      values (new.agreement_id, coalesce(new.exchange, ''), date_trunc('month', new.recorded_at at time zone 'Europe/London')::date, 1)
      on conflict (agreement_id, month, exchange) do update set permits = u.permits + 1;
      return null;
    end $$`);
  await knex.raw(`create trigger audit_log_cap_usage after insert on audit_log for each row
    when (new.kind = 'decision' and new.decision = 'permit' and new.agreement_id is not null)
    execute function audit_cap_usage_count()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger audit_log_cap_usage on audit_log');
  await knex.raw('drop function audit_cap_usage_count()');
  await knex.raw('drop table audit_cap_usage');
  await knex.raw(`alter table audit_log drop constraint audit_log_kind_check`);
  await knex.raw(`alter table audit_log add constraint audit_log_kind_check
    check (kind in ('decision', 'outcome', 'dry-run', 'register-change', 'feedback'))`);
}
