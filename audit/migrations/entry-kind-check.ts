// Adding an audit entry kind changes only the kind's check constraint; no existing row is touched. The constraint is
// widened from what it holds now rather than restated, so a kind another migration added is kept whichever runs first.
import type { Knex } from 'knex';

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

/** A migration's `up` and `down` that add one entry kind to the check, and take it away again. */
export function entryKindMigration(kind: string): Knex.Migration {
  return {
    async up(knex) {
      const kinds = await kindsNow(knex);
      if (!kinds.includes(kind)) await replaceCheck(knex, [...kinds, kind]);
    },
    async down(knex) {
      await replaceCheck(
        knex,
        (await kindsNow(knex)).filter((k) => k !== kind),
      );
    },
  };
}
