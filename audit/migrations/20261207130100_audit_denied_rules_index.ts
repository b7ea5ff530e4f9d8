// DPO search by rule ("decisions that rule denied") used a GIN index over every decision's whole rules array:
// fourteen rules, each with its reason, indexed for every permit too. Measured with `npm run bench:insert`, that
// index was about a third of the database's cost of appending a decision. The search needs only the ids of the
// rules that denied, and only on refusals: a small array, from a function of the stored body (no parse of the
// hashed text again), indexed only where the decision is a refusal.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function audit_denied_rules(body jsonb) returns text[] language sql immutable parallel safe as $$
      select coalesce(array_agg(r->>'id'), '{}')
        from jsonb_array_elements(case when jsonb_typeof(body->'rules') = 'array' then body->'rules' else '[]'::jsonb end) r
       where r->>'outcome' = 'deny'
    $$`);
  await knex.raw('drop index if exists audit_log_rules');
  await knex.raw(
    `create index audit_log_denied_rules on audit_log using gin (audit_denied_rules(body)) where decision = 'deny'`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists audit_log_denied_rules');
  await knex.raw(`create index audit_log_rules on audit_log using gin ((body->'rules') jsonb_path_ops)`);
  await knex.raw('drop function if exists audit_denied_rules(jsonb)');
}
