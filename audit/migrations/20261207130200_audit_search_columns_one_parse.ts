// The five columns the DPO's searches and the measures read (exchange, agreement, party, decision, the decision an
// outcome belongs to) were each generated from the hashed text by its own parse: with `body`, six parses of every
// entry's JSON on insert, the largest share of the database's cost of an append (`npm run bench:insert`). They are
// now plain columns that one trigger fills from a single parse of the hashed text, before the row is written;
// whatever an inserter puts in them is overwritten. `body` stays generated from the hashed text, as verification
// requires (audit/protection.ts), and the trigger is one of those verification checks is enabled.
import type { Knex } from 'knex';

const columns = ['exchange', 'agreement_id', 'party', 'decision', 'decision_id'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table audit_log ${columns.map((c) => `alter column ${c} drop expression`).join(', ')}`);
  await knex.raw(`
    create function audit_log_search_columns() returns trigger language plpgsql as $$
    declare b jsonb := new.body_canonical::jsonb;
    begin
      new.exchange := b->>'exchange';
      new.agreement_id := b->'agreement'->>'id';
      new.party := b->>'party';
      new.decision := b->>'decision';
      new.decision_id := (b->>'decisionId')::uuid;
      return new;
    end $$`);
  await knex.raw(
    `create trigger audit_log_search_columns before insert on audit_log for each row execute function audit_log_search_columns()`,
  );
}

export async function down(): Promise<void> {
  throw new Error('The audit log is never rolled back');
}
