// Group commit for the exchange path. Requests arriving while a commit is in flight wait for the next one. That
// transaction is two round trips, for one request as for 256: the first begins, takes the chain lock and reads the
// head together with whatever the batch's builds need (the register generation and the caps it guesses they will
// count, through a batch reader); every build then runs in turn with no I/O of its own; the second inserts every
// entry in one statement and commits. Both go to the driver directly, as scripts (raw-connection.ts). A request's promise
// settles only after its batch's COMMIT has returned, so nothing is disclosed before its decision is durable.
// Builds are synchronous and read only what the batch read for them, so one request's failure (a bad value, a
// bug) rejects that request alone: it cannot abort the transaction its neighbours share.
import type { Knex } from 'knex';
import { canonicalBodies, headOf, link, type LinkedRow } from './chain-link.ts';
import { literal, withRawConnection, type RawQuery, type RawScript } from './raw-connection.ts';
import type { AuditEntry, NewEntry } from './types.ts';

/** What a build may know of its batch: what the batch read for it, and the entries earlier requests in it will commit alongside its own. */
export interface Batch<Reads = undefined> {
  readonly pending: readonly NewEntry[];
  readonly reads: Reads;
}

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
  /**
   * What the reader expects to need, read in the same statement before it knows `column`'s value: an SQL column
   * and the guess it was built on, given back to `read`, which uses it only if the guess proves right (and else
   * reads again). Nothing when there is nothing to guess (no caps), so nothing is read.
   */
  prefetch?(needs: Need[]): { column: string; guess: unknown } | null;
  read(
    query: RawQuery,
    value: unknown,
    needs: Need[],
    prefetched?: { value: unknown; guess: unknown },
  ): Promise<{ reads: Reads } | { refresh: () => Promise<unknown> }>;
}

export interface GroupedAppend<T, Need, Reads> {
  build: GroupedBuild<T, Reads>;
  reader?: BatchReader<Need, Reads>;
  need?: Need;
}

interface Job {
  append: GroupedAppend<unknown, unknown, unknown>;
  resolve(value: { stored: AuditEntry[]; result: unknown }): void;
  reject(error: unknown): void;
}

export interface GroupCommitOptions {
  chainLockKey: number;
  maxBatch?: number;
  clock: () => Date;
  onAppended?: (head: number) => void;
}

const columns = ['seq', 'id', 'recorded_at', 'kind', 'body_canonical', 'prev_hash', 'hash'] as const;

/** One INSERT for the whole batch, its values as literals so that it can go in the same round trip as COMMIT. */
const insertStatement = (rows: LinkedRow[]) =>
  `insert into audit_log (${columns.join(', ')}) values ${rows.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`).join(', ')}`;

export function createGroupCommitter(db: Knex, options: GroupCommitOptions) {
  const maxBatch = options.maxBatch ?? 256;
  const queue: Job[] = [];
  let flushing = false;

  /**
   * BEGIN, the chain lock and the head with every reader's columns in one script (the head statement comes after
   * the lock: a statement's snapshot is taken when it starts), a reader's own query only if its guess was wrong,
   * the builds in memory, then the INSERT and COMMIT in a second script.
   */
  type Attempt =
    | { refresh: () => Promise<unknown> }
    | { done: { job: Job; stored: AuditEntry[]; result: unknown }[]; head: number };
  async function attempt(
    jobs: Job[],
    fail: (job: Job, error: unknown) => void,
    query: RawQuery,
    script: RawScript,
  ): Promise<Attempt> {
    const readers = [...new Set(jobs.map((j) => j.append.reader).filter((r) => r !== undefined))];
    const needsOf = (reader: BatchReader<unknown, unknown>) =>
      jobs.filter((j) => j.append.reader === reader).map((j) => j.append.need);
    const prefetches = readers.map((reader) => reader.prefetch?.(needsOf(reader)) ?? null);
    const selected = [
      ...readers.map((r, i) => `, (${r.column}) as r${i}`),
      ...prefetches.map((p, i) => (p ? `, (${p.column}) as p${i}` : '')),
    ].join('');
    try {
      const results = await script(`begin; select pg_advisory_xact_lock(${literal(options.chainLockKey)});
        select h.seq, h.hash${selected} from (select 1) as one
        left join lateral (select seq, hash from audit_log order by seq desc limit 1) as h on true`);
      const row = results[results.length - 1]![0]!;
      const reads = new Map<BatchReader<unknown, unknown>, unknown>();
      for (const [i, reader] of readers.entries()) {
        const prefetch = prefetches[i];
        const got = await reader.read(
          query,
          row[`r${i}`],
          needsOf(reader),
          prefetch ? { value: row[`p${i}`], guess: prefetch.guess } : undefined,
        );
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
      await script(rows.length > 0 ? `${insertStatement(rows)}; commit` : 'commit');
      return { done, head: head.seq };
    } catch (error) {
      await query('rollback').catch(() => undefined);
      throw error;
    }
  }

  async function commitBatch(jobs: Job[]) {
    const settled = new Set<Job>();
    const fail = (job: Job, error: unknown) => {
      settled.add(job);
      job.reject(error);
    };
    try {
      for (;;) {
        const result = await withRawConnection(db, (query, script) => attempt(jobs, fail, query, script));
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
        queue.push({
          append: append as GroupedAppend<unknown, unknown, unknown>,
          resolve: resolve as Job['resolve'],
          reject,
        });
        if (!flushing) void flush();
      });
    },
  };
}
