// The client register becomes a history. Each change to a client (registered, keys rotated, a key revoked,
// suspended, reinstated, disabled) is a new row of client_history carrying the client's whole state after it, with
// the database's clock, who made the change and why; the current state is the latest row. Nothing recorded is
// ever changed: triggers refuse UPDATE, DELETE and TRUNCATE, as on the register's own history.
//
// `clients` stays as the anchor of a client id (console sessions refer to it): a row is written once when the id is
// first registered and never changed. `client_kids` gives each key id to one client, forever, so a key id in a
// token names at most one client and a retired or revoked kid cannot be handed to another. A generation number,
// moved by a trigger on every change, tells each gateway process that its cached keys are stale.
//
// The mutable `client_keys` table (revoked_at was set in place) is folded into the history and dropped.
import type { Knex } from 'knex';

const appendOnly = ['client_history', 'client_kids', 'clients'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table client_history (
      seq bigserial primary key,
      client_id text not null references clients(id),
      recorded_at timestamptz not null default now(),
      actor text not null,
      reason text not null,
      action text not null,
      party_id text not null,
      display_name text not null,
      roles text[] not null,
      status text not null check (status in ('active', 'suspended', 'disabled')),
      jwks jsonb,
      jwks_uri text,
      revoked_kids text[] not null default '{}',
      check ((jwks is null) <> (jwks_uri is null))
    )`);
  await knex.raw('create index client_history_latest on client_history (client_id, seq desc)');
  await knex.raw(`
    create table client_kids (
      kid text primary key,
      client_id text not null references clients(id),
      recorded_at timestamptz not null default now()
    )`);
  await knex.raw(
    `create table client_register_generation (id int primary key check (id = 1), generation bigint not null)`,
  );
  await knex.raw(`insert into client_register_generation (id, generation) values (1, 1)`);
  await knex.raw(`
    create function client_register_changed() returns trigger language plpgsql as $$
    begin
      update client_register_generation set generation = generation + 1 where id = 1;
      return null;
    end $$`);
  await knex.raw(`create trigger client_history_moves_generation after insert on client_history
    for each statement execute function client_register_changed()`);

  // What the old tables held becomes each client's first history row: unrevoked keys form its JWKS.
  const clients: { id: string; party_id: string; display_name: string; roles: string[] }[] = await knex('clients')
    .select('id', 'party_id', 'display_name', 'roles')
    .orderBy('id');
  const keys: { kid: string; client_id: string; public_jwk: unknown; revoked_at: unknown }[] = await knex('client_keys')
    .select('kid', 'client_id', 'public_jwk', 'revoked_at')
    .orderBy('kid');
  for (const c of clients) {
    const mine = keys.filter((k) => k.client_id === c.id);
    const live = mine
      .filter((k) => k.revoked_at === null)
      .map((k) => (typeof k.public_jwk === 'string' ? JSON.parse(k.public_jwk) : k.public_jwk));
    await knex('client_history').insert({
      client_id: c.id,
      actor: 'migration',
      reason: 'carried over from the clients and client_keys tables',
      action: 'register',
      party_id: c.party_id,
      display_name: c.display_name,
      roles: c.roles,
      status: 'active',
      jwks: JSON.stringify({ keys: live }),
      revoked_kids: mine.filter((k) => k.revoked_at !== null).map((k) => k.kid),
    });
    for (const k of mine) await knex('client_kids').insert({ kid: k.kid, client_id: c.id });
  }
  await knex.schema.dropTable('client_keys');

  for (const table of appendOnly) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ${table}
      for each row execute function register_history_append_only()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function register_history_append_only()`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of appendOnly) {
    await knex.raw(`drop trigger if exists ${table}_append_only on ${table}`);
    await knex.raw(`drop trigger if exists ${table}_no_truncate on ${table}`);
  }
  await knex.schema.createTable('client_keys', (t) => {
    t.text('kid').primary();
    t.text('client_id').notNullable().references('clients.id');
    t.text('alg').notNullable();
    t.jsonb('public_jwk').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true });
  });
  await knex.raw('drop table client_register_generation');
  await knex.raw('drop function client_register_changed() cascade');
  await knex.raw('drop table client_kids');
  await knex.raw('drop table client_history');
}
