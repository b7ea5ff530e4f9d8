// Every SQL statement on batches and batch_records. A record is done in one statement that also blanks its input and
// keeps its result, conditional on the claim that did it, so a result is never kept twice.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { RecordSealer } from './record-sealer.ts';

export type RecordStatus = 'permitted' | 'refused' | 'failed' | 'invalid';
/** One line of a batch's results: what a record came to. */
export interface ResultLine {
  index: number;
  status: RecordStatus;
  [detail: string]: unknown;
}

/** `callbackUrl`: a URL registered for the client, called once the batch is done (callbacks/); null: polled. */
export interface NewBatch {
  clientId: string;
  party: string;
  exchange: string;
  retentionDays: number;
  callbackUrl: string | null;
}
/** A record at submission: its body to run, or the line it already came to (it was not valid). */
export type NewRecord = { input: unknown } | { line: ResultLine };

export interface BatchRow {
  id: string;
  clientId: string;
  party: string;
  exchange: string;
  total: number;
  submittedAt: string;
}
export interface ClaimedRecord {
  batchId: string;
  index: number;
  requestId: string;
  input: unknown;
  attempts: number;
  claim: string;
}
/** How many records have come to each status, and when the last was done (null while any is pending). */
export type Progress = Record<RecordStatus | 'pending', number> & { finishedAt: string | null };

const chunk = 500;
interface BatchTableRow {
  id: string;
  client_id: string;
  party: string;
  exchange: string;
  total: number;
  submitted_at: Date | string;
}
interface ClaimedTableRow {
  batch_id: string;
  index: number;
  request_id: string;
  input: string;
  attempts: number;
}

export function createBatchStore(db: Knex, sealer: RecordSealer) {
  const batchOf = (row: BatchTableRow): BatchRow => ({
    id: row.id,
    clientId: row.client_id,
    party: row.party,
    exchange: row.exchange,
    total: row.total,
    submittedAt: new Date(row.submitted_at).toISOString(),
  });

  return {
    /** The batch and all its records, in one transaction: a batch is taken whole or not at all. */
    async submit(batch: NewBatch, records: NewRecord[]): Promise<string> {
      const id = randomUUID();
      await db.transaction(async (trx) => {
        await trx('batches').insert({
          id,
          client_id: batch.clientId,
          party: batch.party,
          exchange: batch.exchange,
          total: records.length,
          expires_at: trx.raw(`now() + make_interval(days => ?)`, [batch.retentionDays]),
        });
        const rows = records.map((r, index) =>
          'line' in r
            ? {
                batch_id: id,
                index,
                request_id: randomUUID(),
                state: 'done',
                status: r.line.status,
                line: sealer.seal(r.line),
                input: null,
                done_at: trx.fn.now(),
              }
            : { batch_id: id, index, request_id: randomUUID(), state: 'pending', input: sealer.seal(r.input) },
        );
        for (let at = 0; at < rows.length; at += chunk) await trx('batch_records').insert(rows.slice(at, at + chunk));
        // In the same transaction, so a batch is never taken without the callback it asked for.
        if (batch.callbackUrl !== null) await trx('batch_callbacks').insert({ batch_id: id, url: batch.callbackUrl });
      });
      return id;
    },

    /** The batch, if it is this party's and still kept; any other party's is as if it did not exist. */
    async find(id: string, party: string): Promise<BatchRow | null> {
      const row = await db('batches').where({ id, party }).andWhere('expires_at', '>', db.fn.now()).first();
      return row ? batchOf(row) : null;
    },

    async progress(id: string): Promise<Progress> {
      // Counted, not kept on the batch: records completed at once in several processes would each see the others
      // still pending, and none would mark the batch finished.
      const rows: { status: RecordStatus | null; n: string; last: Date | null }[] = await db('batch_records')
        .select('status', db.raw('count(*) as n'), db.raw('max(done_at) as last'))
        .where({ batch_id: id })
        .groupBy('status');
      const progress: Progress = { pending: 0, permitted: 0, refused: 0, failed: 0, invalid: 0, finishedAt: null };
      let last = 0;
      for (const row of rows) {
        progress[row.status ?? 'pending'] += Number(row.n);
        if (row.last) last = Math.max(last, new Date(row.last).getTime());
      }
      if (progress.pending === 0) progress.finishedAt = new Date(last).toISOString();
      return progress;
    },

    /** Result lines in record order, a page at a time, so a large batch is never held whole. */
    async *lines(id: string): AsyncGenerator<ResultLine> {
      for (let from = 0; ; from += chunk) {
        const rows = await db('batch_records')
          .select('index', 'line')
          .where({ batch_id: id })
          .andWhere('index', '>=', from)
          .andWhere('index', '<', from + chunk)
          .orderBy('index');
        if (rows.length === 0) return;
        for (const row of rows)
          yield row.line
            ? (sealer.open(row.line) as ResultLine)
            : { index: row.index, status: 'pending' as RecordStatus };
      }
    },

    /**
     * Up to `limit` records to work on: pending ones, and claimed ones whose lease has run out (their process died
     * or stalled). Each claim is a new token, and only its holder may complete the record.
     */
    async claim(limit: number, leaseSeconds: number): Promise<ClaimedRecord[]> {
      const claim = randomUUID();
      const { rows } = await db.raw(
        `
        with next as (
          select batch_id, index from batch_records
          where state = 'pending' or (state = 'claimed' and claimed_until < now())
          order by batch_id, index
          limit ? for update skip locked)
        update batch_records r set state = 'claimed', claim = ?, claimed_until = now() + make_interval(secs => ?), attempts = r.attempts + 1
        from next where r.batch_id = next.batch_id and r.index = next.index
        returning r.batch_id, r.index, r.request_id, r.input, r.attempts`,
        [limit, claim, leaseSeconds],
      );
      return (rows as ClaimedTableRow[]).map((row) => ({
        batchId: row.batch_id,
        index: row.index,
        requestId: row.request_id,
        input: sealer.open(row.input),
        attempts: row.attempts,
        claim,
      }));
    },

    async batch(id: string): Promise<BatchRow | null> {
      const row = await db('batches').where({ id }).first();
      return row ? batchOf(row) : null;
    },

    /** Keeps the record's result and blanks its input, if this claim still holds it; false if another took it over. */
    async complete(record: ClaimedRecord, line: ResultLine): Promise<boolean> {
      const done = await db('batch_records')
        .where({ batch_id: record.batchId, index: record.index, state: 'claimed', claim: record.claim })
        .update({
          state: 'done',
          status: line.status,
          line: sealer.seal(line),
          input: null,
          claim: null,
          claimed_until: null,
          done_at: db.fn.now(),
        });
      return done > 0;
    },

    /** Batches past their retention go, records and results with them. */
    async sweep(): Promise<number> {
      return db('batches').where('expires_at', '<=', db.fn.now()).delete();
    },
  };
}
export type BatchStore = ReturnType<typeof createBatchStore>;
