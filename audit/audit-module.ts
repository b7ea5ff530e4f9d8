// The audit module wires itself: the appender every other module writes through, the checkpointer it feeds, the
// pseudonymiser for subject identifiers, and the audit API. gateway.ts builds one per gateway.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createAuditAppender } from './append.ts';
import { createChainHealth } from './chain-health.ts';
import { createCheckpointer } from './checkpoints.ts';
import { exportLines } from './export.ts';
import { createAuditReader } from './read.ts';
import { createReceipts } from './receipts.ts';
import { auditRoutes } from './routes.ts';
import { transparencyRoutes } from './transparency-routes.ts';
import { createWitnessRegistry } from './witnesses.ts';
import type { AuditKeyRing } from './signing-keys.ts';
import { createFactSealer } from './sealed-facts.ts';
import { createPseudonymiser } from './subject-key.ts';
import { createSubjectReporter } from './subject-report.ts';
import { createLinkedSubjectReporter } from './linked-subject-report.ts';
import { verifyLog } from './verify.ts';
import { safeError } from '../platform/logger.ts';

export interface AuditModuleOptions {
  hmacKey: Buffer;
  keys: AuditKeyRing;
  checkpoints: { every: number; seconds: number };
  logger: Logger;
  clock?: () => Date;
}

export const keysPath = '/.well-known/audit-keys.json';

export function createAuditModule(db: Knex, options: AuditModuleOptions) {
  const { keys, logger, clock } = options;
  const chainHealth = createChainHealth(db, {
    logger,
    refreshSeconds: options.checkpoints.seconds,
    ...(clock ? { clock } : {}),
  });
  const checkpointer = createCheckpointer(db, keys, {
    ...options.checkpoints,
    logger,
    ...(clock ? { clock } : {}),
    onBroken: (error, head) => {
      void chainHealth
        .record({
          source: 'checkpointer',
          ok: false,
          head,
          firstBadSeq: error.seq,
          problem: `entry ${error.seq} does not follow from the one before it; no checkpoint was signed`,
        })
        .catch((e) => logger.error({ error: safeError(e) }, 'could not record that the audit chain is broken'));
    },
  });
  const appender = createAuditAppender(db, clock, checkpointer.noteAppended);
  const pseudonymiser = createPseudonymiser(options.hmacKey);
  const reader = createAuditReader(db);
  const routes = auditRoutes({
    reader,
    pseudonymiser,
    subjectReport: createSubjectReporter(db, pseudonymiser),
    linkedSubjectReport: createLinkedSubjectReporter(db, pseudonymiser),
    receiptFor: createReceipts({ db, checkpoints: checkpointer, keysUrl: keysPath }),
    keys,
    verify: async () => chainHealth.verified(await verifyLog(db, { jwks: await keys.jwks() })),
    exportLines: (request, limit) =>
      exportLines({ db, checkpoints: checkpointer, keys, ...(clock ? { clock } : {}) }, request, limit),
  });
  routes.push(
    ...transparencyRoutes({ db, reader, checkpointer, witnesses: createWitnessRegistry(db, appender, clock) }),
  );
  checkpointer.start();
  chainHealth.start();
  return {
    appender,
    pseudonymiser,
    sealer: createFactSealer(options.hmacKey),
    checkpointer,
    chainHealth,
    routes,
    stop: async () => {
      chainHealth.stop();
      await checkpointer.stop();
    },
  };
}
