// Every SQL statement on batch_callbacks but the insert, which batch-store.ts makes in the batch's own transaction.
// A callback is due once no record of its batch is left to do: that is checked in the claim itself, not marked by
// the worker that did the last record (two processes finishing the last two records would each see the other's
// still pending). Attempts are counted when claimed, so a process that dies mid-call still uses one up.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';

export type CallbackState = 'pending' | 'delivered' | 'failed';
/** Why an attempt got no HTTP status: no answer in time, no connection, or the URL is no longer registered. */
export type AttemptError = 'timeout' | 'unreachable' | 'unregistered';

/** What GET /v1/batches/{id} shows of a callback. */
export interface CallbackView {
  url: string;
  state: CallbackState;
  attempts: number;
  lastStatus: number | null;
  lastError: AttemptError | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}
export interface ClaimedCallback {
  batchId: string;
  url: string;
  attempts: number;
  claim: string;
}
export interface AttemptOutcome {
  status: number | null;
  error: AttemptError | null;
}

const iso = (value: unknown) => (value ? new Date(value as string).toISOString() : null);

export function createCallbackStore(db: Knex) {
  return {
    async claim(limit: number, leaseSeconds: number): Promise<ClaimedCallback[]> {
      const claim = randomUUID();
      const { rows } = await db.raw(
        `
        with due as (
          select c.batch_id from batch_callbacks c
          where c.state = 'pending' and c.next_attempt_at <= now()
            and (c.claimed_until is null or c.claimed_until < now())
            and not exists (select 1 from batch_records r where r.batch_id = c.batch_id and r.state <> 'done')
          order by c.next_attempt_at
          limit ? for update skip locked)
        update batch_callbacks c
        set claim = ?, claimed_until = now() + make_interval(secs => ?), attempts = c.attempts + 1
        from due where c.batch_id = due.batch_id
        returning c.batch_id, c.url, c.attempts`,
        [limit, claim, leaseSeconds],
      );
      return (rows as { batch_id: string; url: string; attempts: number }[]).map((row) => ({
        batchId: row.batch_id,
        url: row.url,
        attempts: row.attempts,
        claim,
      }));
    },

    /**
     * Keeps an attempt's outcome, if this claim still holds the callback: delivered, failed for good, or pending
     * again after `retryInMs`.
     */
    async record(
      claimed: ClaimedCallback,
      outcome: AttemptOutcome,
      next: { state: CallbackState; retryInMs: number },
    ): Promise<boolean> {
      const updated = await db('batch_callbacks')
        .where({ batch_id: claimed.batchId, claim: claimed.claim })
        .update({
          claim: null,
          claimed_until: null,
          last_attempt_at: db.fn.now(),
          last_status: outcome.status,
          last_error: outcome.error,
          state: next.state,
          delivered_at: next.state === 'delivered' ? db.fn.now() : null,
          next_attempt_at: db.raw('now() + make_interval(secs => ?)', [next.retryInMs / 1000]),
        });
      return updated > 0;
    },

    async of(batchId: string): Promise<CallbackView | null> {
      const row = await db('batch_callbacks').where({ batch_id: batchId }).first();
      if (!row) return null;
      return {
        url: row.url,
        state: row.state,
        attempts: row.attempts,
        lastStatus: row.last_status,
        lastError: row.last_error,
        lastAttemptAt: iso(row.last_attempt_at),
        nextAttemptAt: row.state === 'pending' ? iso(row.next_attempt_at) : null,
        deliveredAt: iso(row.delivered_at),
      };
    },
  };
}
export type CallbackStore = ReturnType<typeof createCallbackStore>;
