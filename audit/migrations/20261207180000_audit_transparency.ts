// The log as a transparency log others can witness (issue 16).
// 1. audit_tree_nodes: the RFC 6962 tree, one row per perfect subtree (level, index), so an inclusion or consistency
//    proof reads O(log n) rows. The checkpointer extends it up to each size it signs, in the transaction that stores
//    the checkpoint, never on the exchange path.
// 2. audit_checkpoints.note: the checkpoint as a C2SP signed note (tlog-checkpoint), beside its JWS. Checkpoints
//    signed before this migration have none; the next one signed has.
// 3. audit_witnesses and audit_cosignatures: the witness keys an administrator registers, and the cosignatures
//    (C2SP tlog-cosignature) they send.
// All append-only, like the log: the same trigger refuses UPDATE, DELETE and TRUNCATE.
import type { Knex } from 'knex';

const appendOnly = ['audit_tree_nodes', 'audit_witnesses', 'audit_cosignatures'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_tree_nodes (
      level smallint not null check (level >= 0 and level < 64),
      idx bigint not null check (idx >= 0),
      hash bytea not null check (length(hash) = 32),
      primary key (level, idx)
    )`);
  await knex.raw('alter table audit_checkpoints add column note text');
  await knex.raw(`
    create table audit_witnesses (
      name text primary key check (name ~ '^[^[:space:]+]+$'),
      public_key text not null unique check (public_key ~ '^[A-Za-z0-9+/]{43}=$'),
      registered_at timestamptz not null,
      registered_by text not null
    )`);
  await knex.raw(`
    create table audit_cosignatures (
      witness text not null references audit_witnesses (name),
      tree_size bigint not null references audit_checkpoints (size),
      cosigned_at bigint not null,
      signature text not null,
      received_at timestamptz not null,
      primary key (witness, tree_size)
    )`);
  await knex.raw(`
    create function audit_transparency_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$`);
  for (const table of appendOnly) {
    await knex.raw(`create trigger ${table}_no_change before update or delete on ${table}
      for each row execute function audit_transparency_append_only()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function audit_transparency_append_only()`);
  }
}

export async function down(): Promise<void> {
  throw new Error('The audit tree, witnesses and cosignatures are never rolled back');
}
