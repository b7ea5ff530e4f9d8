// The audit module wires itself: the appender every other module writes through, the checkpointer it feeds, the
// pseudonymiser for subject identifiers, and the audit API. gateway.ts builds one per gateway.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createAuditAppender } from './append.ts';
import { createCheckpointer } from './checkpoints.ts';
import { exportLines } from './export.ts';
import { createAuditReader } from './read.ts';
import { createReceipts } from './receipts.ts';
import { auditRoutes } from './routes.ts';
import type { AuditKeyRing } from './signing-keys.ts';
import { createFactSealer } from './sealed-facts.ts';
import { createPseudonymiser } from './subject-key.ts';
import { createSubjectReporter } from './subject-report.ts';
import { createLinkedSubjectReporter } from './linked-subject-report.ts';
import { verifyLog } from './verify.ts';

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
  const checkpointer = createCheckpointer(db, keys, { ...options.checkpoints, logger, ...(clock ? { clock } : {}) });
  const appender = createAuditAppender(db, clock, checkpointer.noteAppended);
  const pseudonymiser = createPseudonymiser(options.hmacKey);
  const routes = auditRoutes({
    reader: createAuditReader(db),
    pseudonymiser,
    subjectReport: createSubjectReporter(db, pseudonymiser),
    linkedSubjectReport: createLinkedSubjectReporter(db, pseudonymiser),
    receiptFor: createReceipts({ db, checkpoints: checkpointer, keysUrl: keysPath }),
    keys,
    verify: async () => verifyLog(db, { jwks: await keys.jwks() }),
    exportLines: (request, limit) => exportLines({ db, checkpoints: checkpointer, keys, ...(clock ? { clock } : {}) }, request, limit),
  });
  checkpointer.start();
  return { appender, pseudonymiser, sealer: createFactSealer(options.hmacKey), checkpointer, routes, stop: () => checkpointer.stop() };
}
