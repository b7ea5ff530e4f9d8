// Confirmations that a decision's obligation was done (a Windrush Taskforce referral made, a patient told their debt
// was reported) become entries of their own kind, `obligation-confirmation`. Only the kind's check constraint changes;
// it is widened from what it holds now, so kinds other migrations add on the same day are kept whichever runs first.
import type { Knex } from 'knex';

const kind = 'obligation-confirmation';

async function kindsNow(knex: Knex): Promise<string[]> {
  const { rows } = await knex.raw(`select pg_get_constraintdef(oid) as def from pg_constraint
    where conrelid = 'audit_log'::regclass and conname = 'audit_log_kind_check'`);
  const def = String((rows as { def: string }[])[0]?.def ?? '');
  return [...def.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

async function replaceCheck(knex: Knex, kinds: string[]): Promise<void> {
  const list = kinds.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ');
  await knex.raw('alter table audit_log drop constraint audit_log_kind_check');
  await knex.raw(`alter table audit_log add constraint audit_log_kind_check check (kind in (${list}))`);
}

export async function up(knex: Knex): Promise<void> {
  const kinds = await kindsNow(knex);
  if (!kinds.includes(kind)) await replaceCheck(knex, [...kinds, kind]);
}

export async function down(knex: Knex): Promise<void> {
  await replaceCheck(knex, (await kindsNow(knex)).filter((k) => k !== kind));
}
