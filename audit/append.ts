// Appends entries to the chain. One advisory lock serialises appenders across every gateway process on the
// database, so the chain never forks; the caller's work inside `build` sees the log as it stands under that lock.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { entryHash } from './entry-hash.ts';
import { genesisHash, type AuditEntry, type NewEntry } from './types.ts';

const chainLockKey = 7_244_101;

export interface AuditAppender {
  /** Runs `build` in a transaction holding the chain lock, appends what it returns, and commits. */
  append<T>(build: (trx: Knex.Transaction) => Promise<{ entries: NewEntry[]; result: T }>): Promise<{ stored: AuditEntry[]; result: T }>;
}

export function createAuditAppender(db: Knex, clock: () => Date = () => new Date()): AuditAppender {
  return {
    append: (build) =>
      db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(?)', [chainLockKey]);
        const { entries, result } = await build(trx);
        const head = await trx('audit_log').select('seq', 'hash').orderBy('seq', 'desc').first();
        let seq: number = head ? Number(head.seq) : 0;
        let prevHash: string = head ? head.hash : genesisHash;
        const recordedAt = clock().toISOString();
        const stored: AuditEntry[] = entries.map((e) => {
          seq += 1;
          const draft = { seq, id: randomUUID(), recordedAt, kind: e.kind, body: e.body, prevHash };
          const entry = { ...draft, hash: entryHash(draft) };
          prevHash = entry.hash;
          return entry;
        });
        if (stored.length > 0) {
          await trx('audit_log').insert(
            stored.map((e) => ({
              seq: e.seq, id: e.id, recorded_at: e.recordedAt, kind: e.kind,
              body: JSON.stringify(e.body), prev_hash: e.prevHash, hash: e.hash,
            })),
          );
        }
        return { stored, result };
      }),
  };
}
