// The archive tables need their append-only triggers as much as the log does: verification reports them missing
// or disabled alongside audit_log's own (protection.ts).
import type { Knex } from 'knex';

const required: Record<string, string[]> = {
  audit_archives: ['audit_archives_no_change', 'audit_archives_no_truncate', 'audit_archives_segment'],
  audit_archived_hashes: ['audit_archived_hashes_no_change', 'audit_archived_hashes_no_truncate'],
};

export async function archiveProtectionProblems(db: Knex): Promise<string[]> {
  const triggers: { table: string; name: string; enabled: string }[] = (
    await db.raw(`
    select c.relname as "table", t.tgname as name, t.tgenabled as enabled
    from pg_trigger t join pg_class c on c.oid = t.tgrelid
    where c.relname in ('audit_archives', 'audit_archived_hashes') and not t.tgisinternal`)
  ).rows;
  const problems: string[] = [];
  for (const [table, names] of Object.entries(required)) {
    for (const name of names) {
      const trigger = triggers.find((t) => t.table === table && t.name === name);
      if (!trigger) problems.push(`the trigger ${name} on ${table} is missing`);
      else if (trigger.enabled !== 'O' && trigger.enabled !== 'A')
        problems.push(`the trigger ${name} on ${table} is disabled`);
    }
  }
  return problems;
}
