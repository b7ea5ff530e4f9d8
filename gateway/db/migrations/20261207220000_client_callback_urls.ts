// The URLs where a client may be called back when its batch is done (gateway/batches/callbacks/). A batch may name
// one, and it must be one of these: the gateway never calls an address a caller typed in, only one a registry
// administrator registered for the client (audited as any other change to it). Kept in the history like the keys.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  // A column with a constant default is added without rewriting a row, so the append-only triggers never fire.
  await knex.raw(`alter table client_history add column callback_urls text[] not null default '{}'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table client_history drop column callback_urls');
}
