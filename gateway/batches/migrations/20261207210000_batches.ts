// Batches of exchange records, and the queue their records are worked from. A record is claimed with
// FOR UPDATE SKIP LOCKED under a lease, so several gateway processes share the work and a record held by a process
// that died is taken up again once its lease runs out. Inputs and results hold personal data: both are stored
// sealed (AES-256-GCM), and an input is blanked once its record is done.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table batches (
      id uuid primary key,
      client_id text not null,
      party text not null,
      exchange text not null,
      total integer not null check (total >= 0),
      submitted_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`);
  await knex.raw('create index batches_expiry on batches (expires_at)');
  await knex.raw(`
    create table batch_records (
      batch_id uuid not null references batches (id) on delete cascade,
      index integer not null check (index >= 0),
      request_id uuid not null unique,
      state text not null check (state in ('pending', 'claimed', 'done')),
      claim uuid,
      claimed_until timestamptz,
      attempts integer not null default 0,
      input text,
      status text check (status in ('permitted', 'refused', 'failed', 'invalid')),
      line text,
      done_at timestamptz,
      primary key (batch_id, index),
      check ((state = 'done') = (status is not null and line is not null and input is null and done_at is not null))
    )`);
  await knex.raw(`create index batch_records_claimable on batch_records (batch_id, index) where state <> 'done'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table batch_records');
  await knex.raw('drop table batches');
}
