// Idempotency-Key (IETF httpapi draft): one row per client and key, claimed before the work runs, so a retry or a
// concurrent duplicate finds it. The key and the request are kept only as keyed hashes (a careless client may put a
// name in its key), and the first answer only encrypted under a key derived from the caller's own key, which is not
// stored: a copy of this table shows no one's data (platform/http/idempotency.ts).
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table idempotency_keys (
      key_hash text primary key,
      client_id text not null,
      request_hash text not null,
      claim_id uuid not null,
      state text not null check (state in ('in-progress', 'done')),
      claimed_at timestamptz not null,
      expires_at timestamptz not null,
      status integer,
      content_type text,
      answer bytea,
      check ((state = 'done') = (status is not null and answer is not null))
    )`);
  await knex.raw('create index idempotency_keys_expires on idempotency_keys (expires_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table idempotency_keys');
}
