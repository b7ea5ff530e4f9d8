// Indexes for what a DPO searches by: the rule that denied, the party, and time ranges on their own.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create index audit_log_rules on audit_log using gin ((body->'rules') jsonb_path_ops)`);
  await knex.raw('create index audit_log_party on audit_log (party, seq)');
  await knex.raw('create index audit_log_recorded_at on audit_log (recorded_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index audit_log_rules, audit_log_party, audit_log_recorded_at');
}
