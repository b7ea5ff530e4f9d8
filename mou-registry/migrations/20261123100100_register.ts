// The register: parties, collaborations, agreements and their versions, directives.
// A version's terms are frozen once any party signs: the database refuses the edit, not a comment.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('parties', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.date('defunct_since');
  });
  await knex.schema.createTable('collaborations', (t) => {
    t.text('id').primary();
    t.jsonb('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.createTable('agreements', (t) => {
    t.text('id').primary();
    t.text('collaboration_id').notNullable().references('collaborations.id');
    t.text('kind').notNullable();
    t.text('title').notNullable();
  });
  await knex.schema.createTable('agreement_versions', (t) => {
    t.text('agreement_id').notNullable().references('agreements.id');
    t.text('version').notNullable();
    t.jsonb('terms').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['agreement_id', 'version']);
  });
  await knex.raw(`
    create function agreement_version_frozen() returns trigger language plpgsql as $$
    begin
      if jsonb_array_length(coalesce(old.terms->'signatures', '[]'::jsonb)) > 0 then
        raise exception 'agreement version %/% is signed and cannot be changed; make a new version', old.agreement_id, old.version
          using errcode = 'integrity_constraint_violation';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`);
  await knex.raw(`create trigger agreement_version_frozen before update or delete on agreement_versions
    for each row execute function agreement_version_frozen()`);
  await knex.schema.createTable('directives', (t) => {
    t.text('id').primary();
    t.jsonb('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('directives');
  await knex.schema.dropTable('agreement_versions');
  await knex.raw('drop function if exists agreement_version_frozen()');
  await knex.schema.dropTable('agreements');
  await knex.schema.dropTable('collaborations');
  await knex.schema.dropTable('parties');
}
