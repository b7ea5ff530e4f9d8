// Retention (RETENTION.md): whole old segments of the log move to archive files, and only then leave the database.
// The log stays append-only; the one exception is narrow and enforced here, not in application code:
//   - `audit_archives` (append-only) records each archived segment: its seq range, its last hash, the signed
//     checkpoint it ends at, and the SHA-256 of the file it went to. A segment must follow the one before it and
//     end exactly at a signed checkpoint whose head hash is its last entry's hash.
//   - `audit_archived_hashes` (append-only) keeps the hash of every archived entry: no personal data, but enough
//     for verification to recompute every Merkle root and to see where the remaining chain continues.
//   - audit_log's trigger lets a DELETE through only for a row at or below the segment the *same transaction*
//     recorded in audit_archives (matched by transaction id) and named in the transaction-local setting
//     `audit.archive_through`. UPDATE and TRUNCATE stay refused, as does every other DELETE.
import type { Knex } from 'knex';

const appendOnly = (table: string) => `
  create function ${table}_append_only() returns trigger language plpgsql as $$
  begin
    raise exception '${table} is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
  end $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create table audit_archives (
      last_seq bigint primary key check (last_seq > 0),
      first_seq bigint not null check (first_seq between 1 and last_seq),
      last_hash text not null,
      checkpoint_jws text not null,
      archived_before timestamptz not null,
      file_name text not null,
      file_digest text not null check (file_digest ~ '^[0-9a-f]{64}$'),
      archived_at timestamptz not null default now(),
      txid bigint not null default txid_current()
    )`);
  await knex.raw(`
    create table audit_archived_hashes (
      seq bigint primary key check (seq > 0),
      hash text not null
    )`);
  await knex.raw(`
    create function audit_archives_check_segment() returns trigger language plpgsql as $$
    declare
      previous bigint;
    begin
      select max(last_seq) into previous from audit_archives;
      if new.first_seq <> coalesce(previous, 0) + 1 then
        raise exception 'an archive must start at entry %, just after the last one archived', coalesce(previous, 0) + 1
          using errcode = 'check_violation';
      end if;
      if not exists (select 1 from audit_checkpoints c where c.size = new.last_seq and c.head_hash = new.last_hash and c.jws = new.checkpoint_jws) then
        raise exception 'an archive must end at a signed checkpoint whose head is its last entry' using errcode = 'check_violation';
      end if;
      if not exists (select 1 from audit_log l where l.seq = new.last_seq and l.hash = new.last_hash) then
        raise exception 'an archive must end at an entry still in the log' using errcode = 'check_violation';
      end if;
      new.txid := txid_current();
      return new;
    end $$`);
  await knex.raw(`create trigger audit_archives_segment before insert on audit_archives
    for each row execute function audit_archives_check_segment()`);
  for (const table of ['audit_archives', 'audit_archived_hashes']) {
    await knex.raw(appendOnly(table));
    await knex.raw(`create trigger ${table}_no_change before update or delete on ${table}
      for each row execute function ${table}_append_only()`);
    await knex.raw(`create trigger ${table}_no_truncate before truncate on ${table}
      for each statement execute function ${table}_append_only()`);
  }
  // The same function audit_log's triggers already call, now with the one archive exception.
  await knex.raw(`
    create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    declare
      through bigint;
    begin
      if tg_op = 'DELETE' then
        through := nullif(current_setting('audit.archive_through', true), '')::bigint;
        if through is not null and old.seq <= through
          and exists (select 1 from audit_archives a where a.last_seq = through and a.txid = txid_current()) then
          return old;
        end if;
      end if;
      raise exception 'audit_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`);
}

export async function down(): Promise<void> {
  throw new Error('Audit archives are never rolled back');
}
