// Works batch records off the queue with bounded concurrency, each through the same pipeline as a single call.
// Several gateway processes may run one each: records are claimed with SKIP LOCKED under a lease. A record that
// was claimed before (its process died, or its lease ran out) is first looked up in the audit log by its request
// id, and decided again only if no decision of it was ever committed.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { loggedRequest } from '../../audit/request-decisions.ts';
import type { AnyExchange, ExchangeEnvelope } from '../exchanges/exchange-definition.ts';
import type { ExchangePipeline } from '../exchanges/pipeline.ts';
import { safeError } from '../../platform/logger.ts';
import type { BatchRow, BatchStore, ClaimedRecord, ResultLine } from './batch-store.ts';
import { answered, recovered, refusedOrFailed } from './record-outcome.ts';

export interface WorkerSettings {
  concurrency: number;
  pollMs: number;
  leaseSeconds: number;
}

export interface WorkerDeps {
  db: Knex;
  store: BatchStore;
  run: ExchangePipeline;
  exchanges: Map<string, AnyExchange>;
  logger: Logger;
}

export function startBatchWorker(settings: WorkerSettings, deps: WorkerDeps) {
  const { store, logger } = deps;
  const batches = new Map<string, BatchRow>();
  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  let wake: (() => void) | null = null;
  const nap = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = null;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
    });

  async function lineFor(record: ClaimedRecord): Promise<ResultLine | null> {
    const batch = batches.get(record.batchId) ?? (await store.batch(record.batchId));
    if (!batch) return null;
    batches.set(batch.id, batch);
    if (record.attempts > 1) {
      const logged = await loggedRequest(deps.db, record.requestId);
      if (logged) return recovered(record.index, record.requestId, logged);
    }
    const def = deps.exchanges.get(batch.exchange)!;
    const principal = { clientId: batch.clientId, party: batch.party, roles: ['partner'] };
    try {
      const answer = await deps.run(def, principal, record.input as ExchangeEnvelope, {
        requestId: record.requestId,
        viewer: 'caller',
      });
      return answered(record.index, record.requestId, answer);
    } catch (error) {
      const line = refusedOrFailed(record.index, record.requestId, error);
      if (!line)
        logger.warn(
          { batchId: record.batchId, index: record.index, error: safeError(error) },
          'batch record not done; it is taken up again when its lease runs out',
        );
      return line;
    }
  }

  async function work(record: ClaimedRecord) {
    try {
      const line = await lineFor(record);
      if (line && !(await store.complete(record, line)))
        logger.warn(
          { batchId: record.batchId, index: record.index },
          'batch record was taken over by another worker after its lease ran out',
        );
    } catch (error) {
      logger.error(
        { batchId: record.batchId, index: record.index, error: safeError(error) },
        'batch record failed; it is taken up again when its lease runs out',
      );
    }
  }

  async function loop() {
    let sweptAt = 0;
    while (!stopped) {
      try {
        if (Date.now() - sweptAt > 60_000) {
          sweptAt = Date.now();
          await store.sweep();
        }
        const free = settings.concurrency - inFlight.size;
        const claimed = free > 0 ? await store.claim(free, settings.leaseSeconds) : [];
        for (const record of claimed) {
          const task: Promise<void> = work(record).finally(() => {
            inFlight.delete(task);
            wake?.();
          });
          inFlight.add(task);
        }
        if (claimed.length === 0 || inFlight.size >= settings.concurrency) await nap(settings.pollMs);
      } catch (error) {
        if (stopped) break;
        logger.warn({ error: safeError(error) }, 'batch worker could not claim records; trying again');
        await nap(settings.pollMs);
      }
    }
  }

  const running = loop();
  return {
    /** A batch was just submitted: look for work now rather than at the next poll. */
    nudge() {
      wake?.();
    },
    /** Claims no more, and lets the records in hand finish (or be taken up again after their lease). */
    async stop() {
      stopped = true;
      wake?.();
      await running;
      await Promise.allSettled([...inFlight]);
    },
  };
}
export type BatchWorker = ReturnType<typeof startBatchWorker>;
