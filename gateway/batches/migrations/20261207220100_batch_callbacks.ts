// A batch's call back to its partner once its records are all done: one row per batch that named a callback URL,
// claimed with FOR UPDATE SKIP LOCKED under a lease like the batch records, so deliveries survive a restart and
// several gateway processes share them. Only what an operator and the partner need to see is kept of each attempt
// (how many, when, the last HTTP status or the kind of failure): never a response body.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table batch_callbacks (
      batch_id uuid primary key references batches (id) on delete cascade,
      url text not null,
      state text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
      attempts integer not null default 0 check (attempts >= 0),
      next_attempt_at timestamptz not null default now(),
      claim uuid,
      claimed_until timestamptz,
      last_attempt_at timestamptz,
      last_status integer,
      last_error text check (last_error in ('timeout', 'unreachable', 'unregistered')),
      delivered_at timestamptz,
      check ((state = 'delivered') = (delivered_at is not null))
    )`);
  await knex.raw(`create index batch_callbacks_due on batch_callbacks (next_attempt_at) where state = 'pending'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table batch_callbacks');
}
