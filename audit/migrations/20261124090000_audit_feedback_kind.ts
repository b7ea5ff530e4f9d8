// Outcome feedback (¶6.62): the receiving party reports what an exchange led to, as an entry of its own kind in the
// chain. Only the kind's check constraint changes; no existing row is touched.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table audit_log drop constraint audit_log_kind_check`);
  await knex.raw(`alter table audit_log add constraint audit_log_kind_check
    check (kind in ('decision', 'outcome', 'dry-run', 'register-change', 'feedback'))`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`alter table audit_log drop constraint audit_log_kind_check`);
  await knex.raw(`alter table audit_log add constraint audit_log_kind_check
    check (kind in ('decision', 'outcome', 'dry-run', 'register-change'))`);
}
