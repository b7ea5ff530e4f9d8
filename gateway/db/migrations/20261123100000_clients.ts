// Registered API clients: each belongs to a party and holds roles; tokens are signed with the client's own key.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('clients', (t) => {
    t.text('id').primary();
    t.text('party_id').notNullable();
    t.text('display_name').notNullable();
    t.specificType('roles', 'text[]').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('client_keys', (t) => {
    t.text('kid').primary();
    t.text('client_id').notNullable().references('clients.id');
    t.text('alg').notNullable();
    t.jsonb('public_jwk').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('revoked_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('client_keys');
  await knex.schema.dropTable('clients');
}
