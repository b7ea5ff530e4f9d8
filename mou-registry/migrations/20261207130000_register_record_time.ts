// The register becomes bitemporal. Every fact already carries its valid time (`signedOn`, `effectiveFrom`,
// `reviewedOn`, … as the caller stated it); now every row also carries its record time, set by the database and
// never by the caller: `recorded_at` (the database's clock) and `recorded_generation` (the register revision at
// which the row became visible). Nothing recorded is ever changed again: replacing a draft's terms adds a row to
// agreement_version_terms, extending or lifting a directive adds a revision of it. So the register as it was known
// at any revision or moment can be read back, and a decision, which names its revision, can be replayed.
//
// Why a revision as well as a time: writers take the register_generation row lock to number their rows and keep it
// until they commit, so a reader that sees generation G sees exactly the rows numbered G or less. A timestamp alone
// cannot say that of a transaction that began before a moment and committed after it.
import type { Knex } from 'knex';

const existing = [
  'parties',
  'collaborations',
  'agreements',
  'agreement_versions',
  'agreement_version_events',
  'agreement_reviews',
  'directives',
];
const all = [...existing, 'agreement_version_terms'];
const noLongerChanged = ['parties', 'collaborations', 'agreements', 'agreement_versions', 'directives'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table register_generation add column numbered_by bigint`);
  // One revision per writing transaction: its first register row moves the generation (taking the row lock until
  // commit) and every row it writes carries that number.
  await knex.raw(`
    create function register_row_recorded() returns trigger language plpgsql as $$
    declare g bigint;
    begin
      update register_generation
         set generation = case when numbered_by = txid_current() then generation else generation + 1 end,
             numbered_by = txid_current()
       where id = 1
       returning generation into g;
      new.recorded_generation := g;
      new.recorded_at := now();
      return new;
    end $$`);

  // Rows already held were known from the start: revision 0. Where a creation time was kept, it is the record time.
  for (const table of ['collaborations', 'agreement_versions', 'directives']) {
    await knex.raw(`alter table ${table} rename column created_at to recorded_at`);
  }
  for (const table of ['parties', 'agreements']) {
    await knex.raw(`alter table ${table} add column recorded_at timestamptz not null default now()`);
  }
  for (const table of existing) {
    await knex.raw(`alter table ${table} add column recorded_generation bigint not null default 0`);
  }

  // Replacing a draft's terms adds a row; the version's own row keeps the terms it was first drafted with.
  await knex.raw(`
    create table agreement_version_terms (
      agreement_id text not null,
      version text not null,
      revision bigint generated always as identity,
      terms jsonb not null,
      actor text not null,
      recorded_at timestamptz not null default now(),
      recorded_generation bigint not null default 0,
      primary key (agreement_id, version, revision),
      foreign key (agreement_id, version) references agreement_versions (agreement_id, version)
    )`);
  await knex.raw(`create trigger agreement_version_terms_frozen before insert on agreement_version_terms
    for each row execute function agreement_version_frozen()`);
  await knex.raw(`create trigger agreement_version_terms_moves_register_generation after insert or update or delete or truncate on agreement_version_terms
    for each statement execute function register_changed()`);

  // A directive's revisions: extending or lifting it adds one, with who did it and why.
  await knex.raw(`alter table directives drop constraint directives_pkey`);
  await knex.raw(`alter table directives add column revision bigint generated always as identity`);
  await knex.raw(`alter table directives add primary key (id, revision)`);
  await knex.raw(`alter table directives add column actor text`);
  await knex.raw(`alter table directives add column reason text`);

  for (const table of all) {
    await knex.raw(
      `create trigger ${table}_recorded before insert on ${table} for each row execute function register_row_recorded()`,
    );
  }
  for (const table of [...noLongerChanged, 'agreement_version_terms']) {
    await knex.raw(`create trigger ${table}_append_only before update or delete on ${table}
      for each row execute function register_history_append_only()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function register_history_append_only()`);
  }
  for (const table of all) await knex.raw(`create index ${table}_by_revision on ${table} (recorded_generation)`);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of all) {
    await knex.raw(`drop trigger if exists ${table}_recorded on ${table}`);
    await knex.raw(`drop index if exists ${table}_by_revision`);
  }
  for (const table of noLongerChanged) {
    await knex.raw(`drop trigger if exists ${table}_append_only on ${table}`);
    await knex.raw(`drop trigger if exists ${table}_no_truncate on ${table}`);
  }
  await knex.raw('drop table agreement_version_terms');
  // Only the newest revision of each directive can stay under the old key.
  await knex.raw(`alter table directives disable trigger user`);
  await knex.raw(
    `delete from directives d where exists (select 1 from directives n where n.id = d.id and n.revision > d.revision)`,
  );
  await knex.raw(`alter table directives enable trigger user`);
  await knex.raw(`alter table directives drop constraint directives_pkey`);
  await knex.raw(`alter table directives drop column revision, drop column actor, drop column reason`);
  await knex.raw(`alter table directives add primary key (id)`);
  for (const table of existing) await knex.raw(`alter table ${table} drop column recorded_generation`);
  for (const table of ['parties', 'agreements']) await knex.raw(`alter table ${table} drop column recorded_at`);
  for (const table of ['collaborations', 'agreement_versions', 'directives']) {
    await knex.raw(`alter table ${table} rename column recorded_at to created_at`);
  }
  await knex.raw('drop function if exists register_row_recorded()');
  await knex.raw('alter table register_generation drop column numbered_by');
}
