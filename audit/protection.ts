// What the database itself must still be doing for the log to be trustworthy: its append-only triggers enabled,
// `body` generated from the hashed text, and the search columns saying what the hashed text says. A superuser can switch either off; verification says so.
import type { Knex } from 'knex';

export interface Protection {
  intact: boolean;
  bodyGenerated: boolean;
  problems: string[];
}

const requiredTriggers: Record<string, string[]> = {
  // The search columns' trigger too: switched off, new entries would be missing from the DPO's searches.
  audit_log: ['audit_log_no_change', 'audit_log_no_truncate', 'audit_log_search_columns'],
  audit_checkpoints: ['audit_checkpoints_no_change', 'audit_checkpoints_no_truncate'],
};

/** An entry whose search columns do not say what its hashed text says (the jsonb body, generated from that text). */
export const searchColumnsStale = `exchange is distinct from body->>'exchange' or agreement_id is distinct from body->'agreement'->>'id'
       or party is distinct from body->>'party' or decision is distinct from body->>'decision'
       or decision_id::text is distinct from body->>'decisionId'`;

export const staleSearchColumnsProblem = (count: number, firstSeq: number) =>
  `the search columns of ${count} entries, from entry ${firstSeq}, do not say what their hashed text says`;

/**
 * `searchColumns: false` leaves out the pass over every entry's search columns, for a caller that checks them
 * in its own read of the entries (verify-parallel.ts, in the workers' ranges).
 */
export async function checkProtection(
  db: Knex,
  options: { searchColumns: boolean } = { searchColumns: true },
): Promise<Protection> {
  const problems: string[] = [];
  const triggers: { table: string; name: string; enabled: string }[] = (
    await db.raw(`
    select c.relname as "table", t.tgname as name, t.tgenabled as enabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relname in ('audit_log', 'audit_checkpoints') and not t.tgisinternal`)
  ).rows;
  for (const [table, names] of Object.entries(requiredTriggers)) {
    for (const name of names) {
      const trigger = triggers.find((t) => t.table === table && t.name === name);
      // 'O' fires in normal sessions, 'A' always; 'D' is disabled and 'R' fires only on replicas.
      if (!trigger) problems.push(`the trigger ${name} on ${table} is missing`);
      else if (trigger.enabled !== 'O' && trigger.enabled !== 'A')
        problems.push(`the trigger ${name} on ${table} is disabled`);
    }
  }
  const body = (
    await db.raw(`
    select a.attgenerated as generated, pg_get_expr(d.adbin, d.adrelid) as expression
    from pg_attribute a left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where a.attrelid = 'audit_log'::regclass and a.attname = 'body' and not a.attisdropped`)
  ).rows[0] as { generated: string; expression: string | null } | undefined;
  const bodyGenerated = body?.generated === 's' && body.expression === '(body_canonical)::jsonb';
  if (!bodyGenerated) problems.push('audit_log.body is no longer generated from the hashed text body_canonical');
  if (options.searchColumns) {
    const stale = await staleSearchColumns(db);
    if (stale) problems.push(stale);
  }
  return { intact: problems.length === 0, bodyGenerated, problems };
}

/**
 * The search columns are written by a trigger from the hashed text (20261207130200): one that says otherwise
 * would hide an entry from, or put it into, a DPO's search. Checks every entry (one scan of the stored jsonb), or
 * only the entries listed and any after `after` (a caller that compared the rest itself, search-fields.ts).
 */
export async function staleSearchColumns(db: Knex, only?: { seqs: number[]; after: number }): Promise<string | null> {
  // The list is written as literals: seqs are integers, and a long list is cheaper scanned whole.
  const which =
    only && only.seqs.length <= 10_000
      ? `(seq > ${Number(only.after)}${only.seqs.length > 0 ? ` or seq in (${only.seqs.map(Number).join(',')})` : ''}) and `
      : '';
  const stale = (
    await db.raw(`select min(seq) as seq, count(*) as n from audit_log where ${which}(${searchColumnsStale})`)
  ).rows[0] as { seq: string | number | null; n: string | number };
  return Number(stale.n) > 0 ? staleSearchColumnsProblem(Number(stale.n), Number(stale.seq)) : null;
}
