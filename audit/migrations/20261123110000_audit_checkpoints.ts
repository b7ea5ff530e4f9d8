// Signed checkpoints of the audit log: append-only like the log itself. `frontier` holds the roots of the perfect
// Merkle subtrees at `size`, so the next checkpoint extends the tree without re-reading the whole log; verification
// never trusts it and recomputes every root from the entries.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_checkpoints (
      size bigint primary key check (size > 0),
      head_hash text not null,
      root_hash text not null,
      signed_at timestamptz not null,
      key_id text not null,
      jws text not null,
      frontier jsonb not null
    )`);
  await knex.raw(`
    create function audit_checkpoints_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_checkpoints is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`);
  await knex.raw(`create trigger audit_checkpoints_no_change before update or delete on audit_checkpoints
    for each row execute function audit_checkpoints_append_only()`);
  await knex.raw(`create trigger audit_checkpoints_no_truncate before truncate on audit_checkpoints
    for each statement execute function audit_checkpoints_append_only()`);
}

export async function down(): Promise<void> {
  throw new Error('Audit checkpoints are never rolled back');
}
