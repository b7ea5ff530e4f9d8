// Appends entries to the chain. One advisory lock serialises appenders across every gateway process on the
// database, so the chain never forks; the caller's work inside `build` sees the log as it stands under that lock.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { canonicalJson } from './canonical.ts';
import { createGroupCommitter, type GroupedBuild } from './group-commit.ts';
import { hashOfCanonical } from './entry-hash.ts';
import { genesisHash, type AuditEntry, type NewEntry } from './types.ts';

const chainLockKey = 7_244_101;

export interface AuditAppender {
  /** Runs `build` in a transaction holding the chain lock, appends what it returns, and commits. */
  append<T>(build: (trx: Knex.Transaction) => Promise<{ entries: NewEntry[]; result: T }>): Promise<{ stored: AuditEntry[]; result: T }>;
  /**
   * The same, committed together with whatever other grouped appends are waiting (group-commit.ts). For builds
   * that only read and return entries, such as the exchange path; a build that writes other tables uses append.
   */
  appendGrouped<T>(build: GroupedBuild<T>): Promise<{ stored: AuditEntry[]; result: T }>;
}

/** `onAppended` hears the new head seq after each commit (the checkpointer counts entries with it). */
export function createAuditAppender(db: Knex, clock: () => Date = () => new Date(), onAppended?: (head: number) => void): AuditAppender {
  const grouped = createGroupCommitter(db, { chainLockKey, clock, ...(onAppended ? { onAppended } : {}) });
  return {
    appendGrouped: (build) => grouped.append(build),
    append: async (build) => {
      const committed = await db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(?)', [chainLockKey]);
        const { entries, result } = await build(trx);
        const head = await trx('audit_log').select('seq', 'hash').orderBy('seq', 'desc').first();
        let seq: number = head ? Number(head.seq) : 0;
        let prevHash: string = head ? head.hash : genesisHash;
        const recordedAt = clock().toISOString();
        const rows = entries.map((e) => {
          seq += 1;
          // The body as JSON will hold it (a Date becomes its ISO string), so what is hashed is what is stored.
          const body = JSON.parse(JSON.stringify(e.body)) as Record<string, unknown>;
          const bodyCanonical = canonicalJson(body);
          const draft = { seq, id: randomUUID(), recordedAt, kind: e.kind, body, prevHash };
          const entry: AuditEntry = { ...draft, hash: hashOfCanonical(draft, bodyCanonical) };
          prevHash = entry.hash;
          return { entry, bodyCanonical };
        });
        if (rows.length > 0) {
          await trx('audit_log').insert(
            rows.map(({ entry: e, bodyCanonical }) => ({
              seq: e.seq, id: e.id, recorded_at: e.recordedAt, kind: e.kind,
              body_canonical: bodyCanonical, prev_hash: e.prevHash, hash: e.hash,
            })),
          );
        }
        return { stored: rows.map((r) => r.entry), result };
      });
      const last = committed.stored[committed.stored.length - 1];
      if (last && onAppended) onAppended(last.seq);
      return committed;
    },
  };
}
