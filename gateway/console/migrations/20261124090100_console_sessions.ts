// Console sign-ins: a client token presented once is exchanged for a server-side session. Only hashes of the
// session id and of the token's jti are kept, so a copy of this table lets no one in.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table console_sessions (
      id_hash text primary key,
      client_id text not null references clients(id),
      kid text not null,
      csrf_token text not null,
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      expires_at timestamptz not null,
      ended_at timestamptz
    )`);
  await knex.raw('create index console_sessions_expires on console_sessions (expires_at)');
  // A token signs in once: a copied token cannot open a second session.
  await knex.raw(`
    create table console_token_uses (
      token_hash text primary key,
      used_at timestamptz not null,
      expires_at timestamptz not null
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table console_token_uses');
  await knex.raw('drop table console_sessions');
}
