// Human sign-in with OpenID Connect. Three changes, none touching an existing row:
// - `console_people_roles`, the register of people: which console role a person holds, matched by the identity
//   provider's subject or by one of its group claims. Append-only history (grant, then perhaps revoke), each row
//   dated by the database's clock, so who could sign in as what on any past day is read back, never remembered.
// - console sessions may belong to a person (the provider's subject) as well as to a client token (the sandbox).
// - `console_sign_in_attempts`: the state, nonce and PKCE verifier of a sign-in between leaving for the provider and
//   coming back; each is used once and lives ten minutes.
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table console_people_roles (
      seq bigint generated always as identity primary key,
      claim text not null check (claim in ('sub', 'group')),
      value text not null check (length(value) between 1 and 256),
      role text not null check (role in ('sro', 'dpo')),
      change text not null check (change in ('grant', 'revoke')),
      actor text not null,
      recorded_at timestamptz not null default now()
    )`);
  await knex.raw('create index console_people_roles_match on console_people_roles (claim, value, seq)');
  // The function comes with the register (20261123100100_register): raise, naming the table and the operation.
  await knex.raw(`create trigger console_people_roles_append_only before update or delete on console_people_roles
    for each row execute function register_history_append_only()`);
  await knex.raw(`create trigger console_people_roles_no_truncate before truncate on console_people_roles
    for each statement execute function register_history_append_only()`);

  await knex.raw('alter table console_sessions alter column client_id drop not null');
  await knex.raw('alter table console_sessions alter column kid drop not null');
  await knex.raw('alter table console_sessions add column person_subject text');
  await knex.raw('alter table console_sessions add column person_groups jsonb');
  await knex.raw('alter table console_sessions add column person_name text');
  await knex.raw(`alter table console_sessions add constraint console_sessions_one_identity
    check ((client_id is not null and kid is not null and person_subject is null)
        or (client_id is null and kid is null and person_subject is not null and person_groups is not null))`);

  await knex.raw(`
    create table console_sign_in_attempts (
      id_hash text primary key,
      state text not null,
      nonce text not null,
      code_verifier text not null,
      expires_at timestamptz not null
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop table console_sign_in_attempts');
  await knex.raw('delete from console_sessions where person_subject is not null');
  await knex.raw('alter table console_sessions drop constraint console_sessions_one_identity');
  await knex.raw('alter table console_sessions drop column person_name');
  await knex.raw('alter table console_sessions drop column person_groups');
  await knex.raw('alter table console_sessions drop column person_subject');
  await knex.raw('alter table console_sessions alter column kid set not null');
  await knex.raw('alter table console_sessions alter column client_id set not null');
  await knex.raw('drop table console_people_roles');
}
