// A single number that every change to the register moves on, kept by the database itself: the gateway holds
// the register in memory and reloads it whenever the number it reads differs from the one it loaded with. A
// trigger, not the commands, moves it, so no way of writing the register (API, default load, a DBA's psql)
// can leave a gateway deciding on terms that are no longer the register's.
import type { Knex } from 'knex';

const tables = [
  'parties',
  'collaborations',
  'agreements',
  'agreement_versions',
  'agreement_version_events',
  'agreement_reviews',
  'directives',
];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`create table register_generation (id int primary key check (id = 1), generation bigint not null)`);
  await knex.raw(`insert into register_generation (id, generation) values (1, 1)`);
  await knex.raw(`
    create function register_changed() returns trigger language plpgsql as $$
    begin
      update register_generation set generation = generation + 1 where id = 1;
      return null;
    end $$`);
  for (const table of tables) {
    await knex.raw(`create trigger ${table}_moves_register_generation after insert or update or delete or truncate on ${table}
      for each statement execute function register_changed()`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of tables) await knex.raw(`drop trigger if exists ${table}_moves_register_generation on ${table}`);
  await knex.raw('drop function if exists register_changed()');
  await knex.raw('drop table if exists register_generation');
}
