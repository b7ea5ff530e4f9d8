// The register: parties, collaborations, agreements and their versions, lifecycle events, reviews, directives.
// A version's terms are frozen once any party signs it, and its lifecycle and review history only grows:
// the database refuses otherwise, not a comment.
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
  await knex.schema.createTable('agreement_version_events', (t) => {
    t.bigIncrements('id');
    t.text('agreement_id').notNullable();
    t.text('version').notNullable();
    t.text('kind').notNullable().checkIn(['signed', 'suspended', 'reinstated', 'terminated']);
    t.text('party');
    t.text('signatory');
    t.date('on_date').notNullable();
    t.text('reason');
    t.text('actor').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['agreement_id', 'version']).references(['agreement_id', 'version']).inTable('agreement_versions');
    t.index(['agreement_id', 'version']);
  });
  await knex.schema.createTable('agreement_reviews', (t) => {
    t.bigIncrements('id');
    t.text('agreement_id').notNullable();
    t.text('version').notNullable();
    t.date('reviewed_on').notNullable();
    t.text('reviewer').notNullable();
    t.text('outcome').notNullable();
    t.text('improvement_plan');
    t.date('next_review_due').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['agreement_id', 'version']).references(['agreement_id', 'version']).inTable('agreement_versions');
  });
  await knex.raw(`
    create function agreement_version_frozen() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from agreement_version_events e
                 where e.agreement_id = old.agreement_id and e.version = old.version and e.kind = 'signed') then
        raise exception 'agreement version %/% is signed and cannot be changed; make a new version', old.agreement_id, old.version
          using errcode = 'integrity_constraint_violation';
      end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end $$`);
  await knex.raw(`create trigger agreement_version_frozen before update or delete on agreement_versions
    for each row execute function agreement_version_frozen()`);
  await knex.raw(`
    create function register_history_append_only() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % is not allowed', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$`);
  for (const table of ['agreement_version_events', 'agreement_reviews']) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ${table}
      for each row execute function register_history_append_only()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function register_history_append_only()`);
  }
  await knex.schema.createTable('directives', (t) => {
    t.text('id').primary();
    t.jsonb('body').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('directives');
  await knex.schema.dropTable('agreement_reviews');
  await knex.schema.dropTable('agreement_version_events');
  await knex.schema.dropTable('agreement_versions');
  await knex.raw('drop function if exists agreement_version_frozen()');
  await knex.raw('drop function if exists register_history_append_only()');
  await knex.schema.dropTable('agreements');
  await knex.schema.dropTable('collaborations');
  await knex.schema.dropTable('parties');
}
