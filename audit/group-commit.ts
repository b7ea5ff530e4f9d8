// Group commit for the exchange path. Requests arriving while a commit is in flight wait for the next one. That
// transaction takes the chain lock, reads the head together with whatever the batch's builds need (the register
// generation, through a batch reader), then runs every build in turn with no I/O of its own, inserts every entry
// in one statement and commits: the round trips are the same for one request as for 256. A request's promise
// settles only after its batch's COMMIT has returned, so nothing is disclosed before its decision is durable.
// Builds are synchronous and read only what the batch read for them, so one request's failure (a bad value, a
// bug) rejects that request alone: it cannot abort the transaction its neighbours share.
import type { Knex } from 'knex';
import { canonicalBodies, headOf, insertRows, link, type LinkedRow } from './chain-link.ts';
import type { AuditEntry, NewEntry } from './types.ts';

/** What a build may know of its batch: what the batch read for it, and the entries earlier requests in it will commit alongside its own. */
export interface Batch<Reads = undefined> { readonly pending: readonly NewEntry[]; readonly reads: Reads }

/** A grouped build runs under the chain lock with no I/O: it reads only `batch`, and writes only by returning entries. */
export type GroupedBuild<T, Reads = undefined> = (batch: Batch<Reads>) => { entries: NewEntry[]; result: T };

/**
 * What several builds in a batch read once. `column` is a SQL expression selected in the same statement as the
 * chain's head (so it costs no round trip of its own); `read` turns it, and the needs of the batch's builds that
 * use this reader, into their reads, with at most a constant number of further queries for the whole batch.
 */
export interface BatchReader<Need, Reads> {
  column: string;
  read(trx: Knex.Transaction, value: unknown, needs: Need[]): Promise<Reads>;
}

export interface GroupedAppend<T, Need, Reads> { build: GroupedBuild<T, Reads>; reader?: BatchReader<Need, Reads>; need?: Need }

interface Job { append: GroupedAppend<unknown, unknown, unknown>; resolve(value: { stored: AuditEntry[]; result: unknown }): void; reject(error: unknown): void }

export interface GroupCommitOptions { chainLockKey: number; maxBatch?: number; clock: () => Date; onAppended?: (head: number) => void }

export function createGroupCommitter(db: Knex, options: GroupCommitOptions) {
  const maxBatch = options.maxBatch ?? 256;
  const queue: Job[] = [];
  let flushing = false;

  /** The head and every reader's column, in one statement after the lock (a statement's snapshot is taken when it starts). */
  async function readHead(trx: Knex.Transaction, readers: BatchReader<unknown, unknown>[]) {
    const columns = readers.map((r, i) => `, (${r.column}) as r${i}`).join('');
    const { rows } = await trx.raw(`select h.seq, h.hash${columns} from (select 1) as one
      left join lateral (select seq, hash from audit_log order by seq desc limit 1) as h on true`);
    const row = rows[0] as Record<string, unknown>;
    return { head: headOf(row as { seq: string | null; hash: string | null }), values: readers.map((_, i) => row[`r${i}`]) };
  }

  async function commitBatch(jobs: Job[]) {
    const settled = new Set<Job>();
    const fail = (job: Job, error: unknown) => { settled.add(job); job.reject(error); };
    try {
      const accepted = await db.transaction(async (trx) => {
        await trx.raw('select pg_advisory_xact_lock(?)', [options.chainLockKey]);
        const readers = [...new Set(jobs.map((j) => j.append.reader).filter((r) => r !== undefined))];
        const { head: start, values } = await readHead(trx, readers);
        const reads = new Map<BatchReader<unknown, unknown>, unknown>();
        for (const [i, reader] of readers.entries()) {
          reads.set(reader, await reader.read(trx, values[i], jobs.filter((j) => j.append.reader === reader).map((j) => j.append.need)));
        }
        const recordedAt = options.clock().toISOString();
        let head = start;
        const pending: NewEntry[] = [];
        const rows: LinkedRow[] = [];
        const done: { job: Job; stored: AuditEntry[]; result: unknown }[] = [];
        for (const job of jobs) {
          const { build, reader } = job.append;
          try {
            const built = build({ pending, reads: reader ? reads.get(reader) : undefined });
            const linked = link(head, canonicalBodies(built.entries), recordedAt);
            head = linked.head;
            rows.push(...linked.rows);
            pending.push(...built.entries);
            done.push({ job, stored: linked.stored, result: built.result });
          } catch (error) {
            fail(job, error);
          }
        }
        await insertRows(trx, rows);
        return { done, head: head.seq };
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
    append<T, Need, Reads>(append: GroupedAppend<T, Need, Reads>): Promise<{ stored: AuditEntry[]; result: T }> {
      return new Promise((resolve, reject) => {
        queue.push({ append: append as GroupedAppend<unknown, unknown, unknown>, resolve: resolve as Job['resolve'], reject });
        if (!flushing) void flush();
      });
    },
  };
}
