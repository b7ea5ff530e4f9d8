// The batches module, wired: its body parser, its routes and its worker. Jobs live in PostgreSQL in a table of
// their own, claimed with FOR UPDATE SKIP LOCKED: pg-boss and graphile-worker are not installed here and no package
// may be added, and a table of our own runs the same on PGlite and PostgreSQL.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.ts';
import { exchanges } from '../exchanges/catalogue.ts';
import type { ExchangePipeline } from '../exchanges/pipeline.ts';
import { batchBody } from './batch-body.ts';
import { batchRoutes } from './batch-routes.ts';
import { createBatchStore } from './batch-store.ts';
import { startBatchWorker } from './batch-worker.ts';
import { createRecordSealer } from './record-sealer.ts';

/** The bulk exchanges of the report's flows (¶6.33, the FSM upload, DfE's traces, HMRC's monthly requests). */
export const batchableExchanges = ['dwp.nino-alignment', 'dfe.fsm-eligibility', 'dfe.child-trace', 'hmrc.evidence-request'];

export interface BatchesDeps { db: Knex; hmacKey: Buffer; run: ExchangePipeline; logger: Logger }

export function createBatches(settings: Config['batches'], deps: BatchesDeps) {
  const store = createBatchStore(deps.db, createRecordSealer(deps.hmacKey));
  const batchable = new Map(exchanges.filter((def) => batchableExchanges.includes(def.id)).map((def) => [def.id, def]));
  const worker = settings.concurrency > 0
    ? startBatchWorker(settings, { db: deps.db, store, run: deps.run, exchanges: batchable, logger: deps.logger })
    : null;
  return {
    body: batchBody(settings.bodyLimitBytes),
    routes: batchRoutes(store, batchable, settings, () => worker?.nudge()),
    stop: async () => worker?.stop(),
  };
}
