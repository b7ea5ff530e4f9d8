// What checks of the chain found, when it mattered: each time a check found the log broken, and each verification
// a DPO ran. Every gateway process reads the latest of them, so a break one process finds stops exchanges on all
// (see audit/chain-health.ts). Append-only like the log: a passing verification is a new row, never an edit.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_chain_checks (
      -- The order checks were recorded in, whatever the clocks of the processes that made them said.
      n bigint generated always as identity primary key,
      checked_at timestamptz not null,
      source text not null check (source in ('checkpointer', 'verification')),
      ok boolean not null,
      head bigint not null,
      first_bad_seq bigint,
      problem text
    )`);
  await knex.raw(`
    create function audit_chain_checks_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_chain_checks is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger audit_chain_checks_no_change before update or delete on audit_chain_checks
    for each row execute function audit_chain_checks_append_only()`);
  await knex.raw(`create trigger audit_chain_checks_no_truncate before truncate on audit_chain_checks
    for each statement execute function audit_chain_checks_append_only()`);
}

export async function down(): Promise<void> {
  throw new Error('Audit chain checks are never rolled back');
}
