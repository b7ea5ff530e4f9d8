// The batches module, wired: its routes (with their body parser) and its worker. Jobs live in PostgreSQL in a table of
// their own, claimed with FOR UPDATE SKIP LOCKED, which runs the same on PGlite (in-process, no port for a queue
// library's own connection) and PostgreSQL; README ("The queue is a table") says why not pg-boss or graphile-worker.
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
import type { AuditKeyRing } from '../../audit/signing-keys.ts';
import { createCallbackStore } from './callbacks/callback-store.ts';
import { startCallbackWorker } from './callbacks/callback-worker.ts';

/** The bulk exchanges of the report's flows (¶6.33, the FSM upload, DfE's traces, HMRC's monthly requests). */
export const batchableExchanges = [
  'dwp.nino-alignment',
  'dfe.fsm-eligibility',
  'dfe.child-trace',
  'hmrc.evidence-request',
];

export interface BatchesDeps {
  db: Knex;
  hmacKey: Buffer;
  run: ExchangePipeline;
  logger: Logger;
  /** The Ed25519 keys that sign callbacks (the newest signs; all are published at /.well-known/callback-keys.json). */
  callbackKeys: AuditKeyRing;
  /** The callback URLs a client has registered now (gateway/clients/); null for a client that is not active. */
  registeredUrls(clientId: string): Promise<string[] | null>;
  publicUrl: string;
}

export function createBatches(settings: Config['batches'], deps: BatchesDeps) {
  const store = createBatchStore(deps.db, createRecordSealer(deps.hmacKey));
  const batchable = new Map(exchanges.filter((def) => batchableExchanges.includes(def.id)).map((def) => [def.id, def]));
  const worker =
    settings.concurrency > 0
      ? startBatchWorker(settings, { db: deps.db, store, run: deps.run, exchanges: batchable, logger: deps.logger })
      : null;
  const callbacks = createCallbackStore(deps.db);
  // A process that works no records (concurrency 0) sends no callbacks either: it only takes batches.
  const caller =
    settings.concurrency > 0
      ? startCallbackWorker(settings.callbacks, {
          batches: store,
          callbacks,
          keys: deps.callbackKeys,
          registeredUrls: deps.registeredUrls,
          publicUrl: deps.publicUrl,
          logger: deps.logger,
        })
      : null;
  const callbackDeps = { store: callbacks, registeredUrls: deps.registeredUrls, jwks: () => deps.callbackKeys.jwks() };
  return {
    routes: batchRoutes(
      store,
      batchable,
      settings,
      callbackDeps,
      () => worker?.nudge(),
      batchBody(settings.bodyLimitBytes),
    ),
    stop: async () => {
      await worker?.stop();
      await caller?.stop();
    },
  };
}
