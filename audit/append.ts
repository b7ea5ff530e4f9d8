// Appends entries to the chain. One advisory lock serialises appenders across every gateway process on the
// database, so the chain never forks; the caller's work inside `build` sees the log as it stands under that lock.
import type { Knex } from 'knex';
import { canonicalBodies, headOf, insertRows, link } from './chain-link.ts';
import { createGroupCommitter, type GroupedAppend, type GroupedBuild } from './group-commit.ts';
import type { AuditEntry, NewEntry } from './types.ts';

const chainLockKey = 7_244_101;

export interface AuditAppender {
  /** Runs `build` in a transaction holding the chain lock, appends what it returns, and commits. */
  append<T>(
    build: (trx: Knex.Transaction) => Promise<{ entries: NewEntry[]; result: T }>,
  ): Promise<{ stored: AuditEntry[]; result: T }>;
  /**
   * The same, committed together with whatever other grouped appends are waiting (group-commit.ts). For the
   * exchange path: a build reads only what its batch reader read for it, and returns entries; a write that
   * changes other tables uses append.
   */
  appendGrouped<T, Need = undefined, Reads = undefined>(
    append: GroupedAppend<T, Need, Reads> | GroupedBuild<T, undefined>,
  ): Promise<{ stored: AuditEntry[]; result: T }>;
}

/** `onAppended` hears the new head seq after each commit (the checkpointer counts entries with it). */
export function createAuditAppender(
  db: Knex,
  clock: () => Date = () => new Date(),
  onAppended?: (head: number) => void,
): AuditAppender {
  const grouped = createGroupCommitter(db, { chainLockKey, clock, ...(onAppended ? { onAppended } : {}) });
  return {
    appendGrouped: (append) =>
      grouped.append(
        (typeof append === 'function' ? { build: append } : append) as GroupedAppend<never, unknown, unknown>,
      ) as never,
    append: async (build) => {
      const committed = await db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(?)', [chainLockKey]);
        const { entries, result } = await build(trx);
        const head = headOf(await trx('audit_log').select('seq', 'hash').orderBy('seq', 'desc').first());
        const linked = link(head, canonicalBodies(entries), clock().toISOString());
        await insertRows(trx, linked.rows);
        return { stored: linked.stored, result };
      });
      const last = committed.stored[committed.stored.length - 1];
      if (last && onAppended) onAppended(last.seq);
      return committed;
    },
  };
}
