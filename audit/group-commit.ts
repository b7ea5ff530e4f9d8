// Group commit for the exchange path. Requests arriving while a commit is in flight wait for the next one. That
// transaction takes the chain lock, reads the head together with whatever the batch's builds need (the register
// generation, through a batch reader), then runs every build in turn with no I/O of its own, inserts every entry
// in one statement and commits: the round trips are the same for one request as for 256, and go to the driver
// directly (raw-connection.ts). A request's promise
// settles only after its batch's COMMIT has returned, so nothing is disclosed before its decision is durable.
// Builds are synchronous and read only what the batch read for them, so one request's failure (a bad value, a
// bug) rejects that request alone: it cannot abort the transaction its neighbours share.
import type { Knex } from 'knex';
import { canonicalBodies, headOf, link, type LinkedRow } from './chain-link.ts';
import { withRawConnection, type RawQuery } from './raw-connection.ts';
import type { AuditEntry, NewEntry } from './types.ts';

/** What a build may know of its batch: what the batch read for it, and the entries earlier requests in it will commit alongside its own. */
export interface Batch<Reads = undefined> { readonly pending: readonly NewEntry[]; readonly reads: Reads }

/** A grouped build runs under the chain lock with no I/O: it reads only `batch`, and writes only by returning entries. */
export type GroupedBuild<T, Reads = undefined> = (batch: Batch<Reads>) => { entries: NewEntry[]; result: T };

/**
 * What several builds in a batch read once. `column` is a SQL expression selected in the same statement as the
 * chain's head (so it costs no round trip of its own); `read` turns it, and the needs of the batch's builds that
 * use this reader, into their reads with at most one further query for the whole batch. Where what it holds is
 * behind what the database says (the register has moved), it asks for `refresh`: the batch is rolled back, the
 * refresh runs outside the transaction, and the batch is tried again.
 */
export interface BatchReader<Need, Reads> {
  column: string;
  read(query: RawQuery, value: unknown, needs: Need[]): Promise<{ reads: Reads } | { refresh: () => Promise<unknown> }>;
}

export interface GroupedAppend<T, Need, Reads> { build: GroupedBuild<T, Reads>; reader?: BatchReader<Need, Reads>; need?: Need }

interface Job { append: GroupedAppend<unknown, unknown, unknown>; resolve(value: { stored: AuditEntry[]; result: unknown }): void; reject(error: unknown): void }

export interface GroupCommitOptions { chainLockKey: number; maxBatch?: number; clock: () => Date; onAppended?: (head: number) => void }

const columns = ['seq', 'id', 'recorded_at', 'kind', 'body_canonical', 'prev_hash', 'hash'] as const;

/** One INSERT for the whole batch. */
async function insertRows(query: RawQuery, rows: LinkedRow[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ');
    await query(`insert into audit_log (${columns.join(', ')}) values ${values}`, chunk.flatMap((row) => columns.map((c) => row[c])));
  }
}

export function createGroupCommitter(db: Knex, options: GroupCommitOptions) {
  const maxBatch = options.maxBatch ?? 256;
  const queue: Job[] = [];
  let flushing = false;

  /**
   * BEGIN, the chain lock, the head with every reader's column (one statement after the lock: a statement's snapshot
   * is taken when it starts), the readers' own query if any, the builds in memory, one INSERT, COMMIT.
   */
  type Attempt = { refresh: () => Promise<unknown> } | { done: { job: Job; stored: AuditEntry[]; result: unknown }[]; head: number };
  async function attempt(jobs: Job[], fail: (job: Job, error: unknown) => void, query: RawQuery): Promise<Attempt> {
    await query('begin');
    try {
      await query('select pg_advisory_xact_lock($1)', [options.chainLockKey]);
      const readers = [...new Set(jobs.map((j) => j.append.reader).filter((r) => r !== undefined))];
      const [row] = await query(`select h.seq, h.hash${readers.map((r, i) => `, (${r.column}) as r${i}`).join('')} from (select 1) as one
        left join lateral (select seq, hash from audit_log order by seq desc limit 1) as h on true`);
      const reads = new Map<BatchReader<unknown, unknown>, unknown>();
      for (const [i, reader] of readers.entries()) {
        const got = await reader.read(query, row![`r${i}`], jobs.filter((j) => j.append.reader === reader).map((j) => j.append.need));
        if ('refresh' in got) {
          await query('rollback');
          return { refresh: got.refresh };
        }
        reads.set(reader, got.reads);
      }
      const recordedAt = options.clock().toISOString();
      let head = headOf(row as { seq: number | null; hash: string | null });
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
      await insertRows(query, rows);
      await query('commit');
      return { done, head: head.seq };
    } catch (error) {
      await query('rollback').catch(() => undefined);
      throw error;
    }
  }

  async function commitBatch(jobs: Job[]) {
    const settled = new Set<Job>();
    const fail = (job: Job, error: unknown) => { settled.add(job); job.reject(error); };
    try {
      for (;;) {
        const result = await withRawConnection(db, (query) => attempt(jobs, fail, query));
        if ('refresh' in result) {
          await result.refresh();
          continue;
        }
        for (const { job, stored, result: value } of result.done) job.resolve({ stored, result: value });
        if (result.done.some((d) => d.stored.length > 0)) options.onAppended?.(result.head);
        return;
      }
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
