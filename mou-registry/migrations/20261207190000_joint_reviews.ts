// Joint reviews as a workflow (rec 2f: "regular joint reviews with agreed improvement plans"): a review held with
// attendees from each party, each party's sign-off (a review is joint only when every party has signed it off), and
// an improvement plan of actions with owners and due dates, tracked to closure. Every table only grows: the database
// refuses UPDATE, DELETE and TRUNCATE, and each write moves the register's generation like any register change.
import type { Knex } from 'knex';

const tables = ['joint_reviews', 'joint_review_sign_offs', 'improvement_actions', 'improvement_action_closures'];

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('joint_reviews', (t) => {
    t.text('id').primary();
    t.text('agreement_id').notNullable();
    t.text('version').notNullable();
    t.date('held_on').notNullable();
    t.jsonb('attendees').notNullable();
    t.jsonb('findings').notNullable();
    t.text('actor').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.foreign(['agreement_id', 'version']).references(['agreement_id', 'version']).inTable('agreement_versions');
    t.index(['agreement_id', 'version']);
  });
  await knex.schema.createTable('joint_review_sign_offs', (t) => {
    t.bigIncrements('id');
    t.text('review_id').notNullable().references('joint_reviews.id');
    t.text('party').notNullable();
    t.text('signatory').notNullable();
    t.date('signed_on').notNullable();
    t.text('actor').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.unique(['review_id', 'party']);
  });
  await knex.schema.createTable('improvement_actions', (t) => {
    t.text('id').primary();
    t.text('review_id').notNullable().references('joint_reviews.id');
    // The action's place in the plan as agreed.
    t.integer('position').notNullable();
    t.text('description').notNullable();
    t.text('owner_party').notNullable();
    t.text('owner_name').notNullable();
    t.date('due_on').notNullable();
    t.text('actor').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.index(['review_id']);
  });
  await knex.schema.createTable('improvement_action_closures', (t) => {
    t.bigIncrements('id');
    // One closure an action: closing twice is refused by the database as well as the API.
    t.text('action_id').notNullable().unique().references('improvement_actions.id');
    t.date('closed_on').notNullable();
    t.text('outcome').notNullable();
    t.text('actor').notNullable();
    t.timestamp('recorded_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  for (const table of tables) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ${table}
      for each row execute function register_history_append_only()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function register_history_append_only()`);
    await knex.raw(`create trigger ${table}_moves_register_generation after insert or update or delete or truncate on ${table}
      for each statement execute function register_changed()`);
  }
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [...tables].reverse()) await knex.schema.dropTable(table);
}
