// Group commit for the exchange path. Requests arriving while a commit is in flight wait for the next one. That
// transaction is two round trips, for one request as for 256: the first begins, takes the chain lock and reads the
// head together with whatever the batch's builds need (the register generation and the caps it guesses they will
// count, through a batch reader); every build then runs in turn with no I/O of its own; the second inserts every
// entry in one statement and commits. Both go to the driver directly, as scripts (raw-connection.ts). A request's promise
// settles only after its batch's COMMIT has returned, so nothing is disclosed before its decision is durable.
// Where this process made the last commit and its readers can say what they will find (the register it holds, no
// cap to count), the batch is one round trip: built on the head it left, and inserted only if, under the lock, the
// head and every reader's column are as expected; otherwise nothing is inserted and the two round trips follow.
// Such batches are pipelined: the next is built on the head the one in flight will leave, and sent on a second
// connection while it commits, so it waits in the database for the lock rather than in the gateway for an answer.
// Builds are synchronous and read only what the batch read for them, so one request's failure (a bad value, a
// bug) rejects that request alone: it cannot abort the transaction its neighbours share.
import type { Knex } from 'knex';
import { canonicalBodies, headOf, link, type ChainHead, type LinkedRow } from './chain-link.ts';
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
  /**
   * What `column` will hold if nothing has moved since this process last looked (the register generation it holds),
   * for a batch sent in one round trip; undefined: not known, so the batch reads it first.
   */
  expected?(): unknown;
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
  /** How many one-trip batches may be in flight at once, each built on the head the one before will leave. */
  pipelineDepth?: number;
  clock: () => Date;
  onAppended?: (head: number) => void;
}

const columns = ['seq', 'id', 'recorded_at', 'kind', 'body_canonical', 'prev_hash', 'hash'] as const;

/** One INSERT for the whole batch, its values as literals so that it can go in the same round trip as COMMIT. */
const insertStatement = (rows: LinkedRow[]) =>
  `insert into audit_log (${columns.join(', ')}) values ${rows.map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`).join(', ')}`;

const casts: Record<(typeof columns)[number], string> = {
  seq: 'bigint',
  id: 'uuid',
  recorded_at: 'timestamptz',
  kind: 'text',
  body_canonical: 'text',
  prev_hash: 'text',
  hash: 'text',
};

/**
 * The same INSERT, made only if `condition` holds when it runs (after the lock): it answers one row for each entry
 * inserted, none if the condition failed.
 */
const guardedInsertStatement = (rows: LinkedRow[], condition: string) =>
  `insert into audit_log (${columns.join(', ')}) select * from (values ${rows
    .map((row) => `(${columns.map((c) => `${literal(row[c])}::${casts[c]}`).join(', ')})`)
    .join(', ')}) as v where ${condition} returning seq`;

/** Where a build may not read: a batch sent in one round trip reads nothing before it is built. */
const noQuery: RawQuery = () => Promise.reject(new Error('a batch sent in one round trip reads nothing first'));

export function createGroupCommitter(db: Knex, options: GroupCommitOptions) {
  const maxBatch = options.maxBatch ?? 256;
  const depth = options.pipelineDepth ?? 2;
  const queue: Job[] = [];
  let flushing = false;
  /**
   * The head the chain will have once every batch this process has sent commits; null when unknown (at start,
   * after a failure, or while a batch reads the head itself).
   */
  let predicted: ChainHead | null = null;
  /** A batch is being started and has not yet been built: the next one waits to build on its head. */
  let building = false;
  let inFlight = 0;
  let reported = 0;
  let wake: (() => void) | null = null;
  const kick = () => {
    wake?.();
    wake = null;
  };

  /**
   * BEGIN, the chain lock and the head with every reader's columns in one script (the head statement comes after
   * the lock: a statement's snapshot is taken when it starts), a reader's own query only if its guess was wrong,
   * the builds in memory, then the INSERT and COMMIT in a second script.
   */
  type Attempt =
    | { refresh: () => Promise<unknown> }
    | { done: { job: Job; stored: AuditEntry[]; result: unknown }[]; head: ChainHead; trips: 1 | 2 };
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
      const built = buildAll(jobs, fail, reads, headOf(row as { seq: number | null; hash: string | null }));
      await script(built.rows.length > 0 ? `${insertStatement(built.rows)}; commit` : 'commit');
      return { done: built.done, head: built.head, trips: 2 };
    } catch (error) {
      await query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /** Every job built in turn on `head`, in memory; a job whose build throws is failed alone. */
  function buildAll(
    jobs: Job[],
    fail: (job: Job, error: unknown) => void,
    reads: Map<BatchReader<unknown, unknown>, unknown>,
    start: ChainHead,
  ) {
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
    return { rows, done, head };
  }

  /**
   * The batch in one round trip, where this process knows the head it left and every reader knows what it will
   * find: built on those, and inserted only if, under the lock, the head is still that one and each reader's
   * column holds what it expected. Null where it cannot be tried, or was tried and inserted nothing (another
   * process appended, the register moved): then the two round trips follow, with the jobs not yet failed.
   */
  async function oneTrip(
    jobs: Job[],
    fail: (job: Job, error: unknown) => void,
    query: RawQuery,
    script: RawScript,
  ): Promise<Attempt | null> {
    const head = predicted;
    if (head === null || head.seq === 0) return null;
    const readers = [...new Set(jobs.map((j) => j.append.reader).filter((r) => r !== undefined))];
    const needsOf = (reader: BatchReader<unknown, unknown>) =>
      jobs.filter((j) => j.append.reader === reader).map((j) => j.append.need);
    const expected = readers.map((reader) => reader.expected?.());
    if (expected.some((value) => value === undefined)) return null;
    if (readers.some((reader) => reader.prefetch?.(needsOf(reader)))) return null;
    const reads = new Map<BatchReader<unknown, unknown>, unknown>();
    for (const [i, reader] of readers.entries()) {
      const got = await reader.read(noQuery, expected[i], needsOf(reader)).catch(() => null);
      if (got === null || 'refresh' in got) return null;
      reads.set(reader, got.reads);
    }
    // Builds that throw here fail their own job for good: they would throw again on the same inputs.
    const built = buildAll(jobs, fail, reads, head);
    // The next batch may now be built on this one's head, and sent while this one commits.
    predicted = built.head;
    building = false;
    kick();
    if (built.rows.length === 0) return { done: built.done, head: built.head, trips: 1 };
    const condition = [
      `(select hash from audit_log where seq = ${literal(head.seq)}) = ${literal(head.hash)}`,
      `not exists (select 1 from audit_log where seq > ${literal(head.seq)})`,
      ...readers.map((reader, i) => `(${reader.column}) = ${literal(expected[i] as string | number)}`),
    ].join(' and ');
    try {
      const results = await script(`begin; select pg_advisory_xact_lock(${literal(options.chainLockKey)});
        ${guardedInsertStatement(built.rows, condition)}; commit`);
      const inserted = results[2]?.length ?? 0;
      if (inserted === built.rows.length) return { done: built.done, head: built.head, trips: 1 };
      if (inserted !== 0) throw new Error(`a one-trip batch inserted ${inserted} of ${built.rows.length} entries`);
      predicted = null;
      return null;
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
        const result = await withRawConnection(db, async (query, script) => {
          const sent = await oneTrip(jobs, fail, query, script);
          if (sent) return sent;
          // The head is read under the lock: no batch is built on a guess until this one has committed.
          predicted = null;
          return attempt(
            jobs.filter((job) => !settled.has(job)),
            fail,
            query,
            script,
          );
        });
        if ('refresh' in result) {
          await result.refresh();
          continue;
        }
        // A batch that read the head itself, with no other in flight, leaves a head the next may build on.
        if (result.trips === 2 && inFlight === 1) predicted = result.head;
        for (const { job, stored, result: value } of result.done) job.resolve({ stored, result: value });
        if (result.done.some((d) => d.stored.length > 0) && result.head.seq > reported) {
          reported = result.head.seq;
          options.onAppended?.(reported);
        }
        return;
      }
    } catch (error) {
      predicted = null;
      for (const job of jobs) if (!settled.has(job)) job.reject(error);
    }
  }

  /**
   * Sends batches while there are requests: a new one starts when none is in flight, or, up to `depth`, when the
   * last one started has been built in one trip (so its head is known) and not yet committed.
   */
  async function flush() {
    flushing = true;
    try {
      const running = new Set<Promise<void>>();
      while (queue.length > 0 || running.size > 0) {
        const mayStart = running.size === 0 || (running.size < depth && !building && predicted !== null);
        if (queue.length > 0 && mayStart) {
          building = true;
          inFlight += 1;
          const sent: Promise<void> = commitBatch(queue.splice(0, maxBatch)).finally(() => {
            inFlight -= 1;
            running.delete(sent);
            if (running.size === 0) building = false;
          });
          running.add(sent);
          continue;
        }
        await Promise.race([...running, new Promise<void>((resolve) => (wake = resolve))]);
      }
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
        else kick();
      });
    },
  };
}
