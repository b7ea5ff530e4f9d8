// Group commit for the exchange path. Requests arriving while a commit is in flight wait for the next one, and
// that next transaction takes the chain lock once, reads the head once, runs each request's build in turn (each
// sees what the earlier ones in the batch appended, through `batch.pending`), inserts every entry in one
// statement and commits once. A request's promise settles only after its batch's COMMIT has returned, so
// nothing is disclosed before its decision is durable; if the commit fails, every request in the batch fails.
// An idle gateway commits a lone request at once: batching only ever comes from waiting that happens anyway.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { canonicalJson } from './canonical.ts';
import { hashOfCanonical } from './entry-hash.ts';
import { genesisHash, type AuditEntry, type NewEntry } from './types.ts';

/** What a build may know of its batch: the entries earlier requests in it will commit alongside its own. */
export interface Batch { readonly pending: readonly NewEntry[] }

/** A grouped build may read through `trx` but must write only by returning entries: it shares the transaction. */
export type GroupedBuild<T> = (trx: Knex.Transaction, batch: Batch) => Promise<{ entries: NewEntry[]; result: T }>;

interface Job { build: GroupedBuild<unknown>; resolve(value: { stored: AuditEntry[]; result: unknown }): void; reject(error: unknown): void }

export interface GroupCommitOptions { chainLockKey: number; maxBatch?: number; clock: () => Date; onAppended?: (head: number) => void }

export function createGroupCommitter(db: Knex, options: GroupCommitOptions) {
  const maxBatch = options.maxBatch ?? 256;
  const queue: Job[] = [];
  let flushing = false;

  async function commitBatch(jobs: Job[]) {
    const settled = new Set<Job>();
    try {
      const accepted = await db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(?)', [options.chainLockKey]);
        const head = await trx('audit_log').select('seq', 'hash').orderBy('seq', 'desc').first();
        let seq: number = head ? Number(head.seq) : 0;
        let prevHash: string = head ? head.hash : genesisHash;
        const recordedAt = options.clock().toISOString();
        const pending: NewEntry[] = [];
        const rows: Record<string, unknown>[] = [];
        const done: { job: Job; stored: AuditEntry[]; result: unknown }[] = [];
        for (const job of jobs) {
          let built;
          try {
            built = await job.build(trx, { pending });
          } catch (error) {
            // This request alone failed (its own error); if it broke the transaction, the next statement says so.
            settled.add(job);
            job.reject(error);
            continue;
          }
          const stored = built.entries.map((e) => {
            seq += 1;
            const body = JSON.parse(JSON.stringify(e.body)) as Record<string, unknown>;
            const bodyCanonical = canonicalJson(body);
            const draft = { seq, id: e.id ?? randomUUID(), recordedAt, kind: e.kind, body, prevHash };
            const entry: AuditEntry = { ...draft, hash: hashOfCanonical(draft, bodyCanonical) };
            prevHash = entry.hash;
            rows.push({ seq, id: entry.id, recorded_at: recordedAt, kind: e.kind, body_canonical: bodyCanonical, prev_hash: entry.prevHash, hash: entry.hash });
            return entry;
          });
          pending.push(...built.entries);
          done.push({ job, stored, result: built.result });
        }
        for (let i = 0; i < rows.length; i += 500) await trx('audit_log').insert(rows.slice(i, i + 500));
        return { done, head: seq };
      });
      for (const { job, stored, result } of accepted.done) job.resolve({ stored, result });
      if (accepted.done.some((d) => d.stored.length > 0)) options.onAppended?.(accepted.head);
    } catch (error) {
      for (const job of jobs) if (!settled.has(job)) job.reject(error);
    }
  }

  async function flush() {
    flushing = true;
    try {
      while (queue.length > 0) await commitBatch(queue.splice(0, maxBatch));
    } finally {
      flushing = false;
    }
  }

  return {
    append<T>(build: GroupedBuild<T>): Promise<{ stored: AuditEntry[]; result: T }> {
      return new Promise((resolve, reject) => {
        queue.push({ build: build as GroupedBuild<unknown>, resolve: resolve as Job['resolve'], reject });
        if (!flushing) void flush();
      });
    },
  };
}
