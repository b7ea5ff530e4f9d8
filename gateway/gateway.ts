// Wires the gateway's parts together: the composition root used by main.ts and by the tests.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createAuditModule } from '../audit/audit-module.ts';
import { fileKeyRing, type AuditKeyRing } from '../audit/signing-keys.ts';
import { loadDefaultRegister } from '../mou-registry/default-register/load.ts';
import { createRegisterCommands } from '../mou-registry/commands.ts';
import { registerRoutes } from '../mou-registry/routes.ts';
import { createRegisterCache } from '../mou-registry/register-cache.ts';
import { createRegisterStore } from '../mou-registry/store.ts';
import { londonDay } from './london-day.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { createClientStore } from './auth/client-store.ts';
import type { Config } from './config.ts';
import { migrate } from './db/migrate.ts';
import { exchangeRoutes } from './exchanges/routes.ts';
import { createDecisionRecorder } from './exchanges/decide-and-record.ts';
import { createExchangeRunner } from './exchanges/run-exchange.ts';
import { createApp } from './http/app.ts';
import { operationsRoutes } from './http/operations.ts';
import { createUpstreamClient } from './upstream/upstream-client.ts';

export interface GatewayDeps {
  db: Knex;
  logger: Logger;
  hmacKey: Buffer;
  clock?: () => Date;
  /** The keys that sign audit checkpoints; by default files under config.auditCheckpoints.keysDir. */
  auditKeys?: AuditKeyRing;
}

/** Migrates the database and loads the default register when it is empty. */
export async function prepareDatabase(db: Knex): Promise<void> {
  await migrate(db);
  await loadDefaultRegister(db);
}

export function buildGateway(config: Config, deps: GatewayDeps) {
  const { db, logger } = deps;
  const clients = createClientStore(db);
  const auditModule = createAuditModule(db, {
    hmacKey: deps.hmacKey,
    keys: deps.auditKeys ?? fileKeyRing(config.auditCheckpoints.keysDir),
    checkpoints: config.auditCheckpoints,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const audit = auditModule.appender;
  const register = createRegisterStore(db);
  const today = () => londonDay(deps.clock?.() ?? new Date());
  const names = { dfe: 'DfE', dwp: 'DWP', hmrc: 'HMRC', nhs: 'NHS Digital', homeOffice: 'Home Office records', financial: 'The bank' } as const;
  const upstreams = Object.fromEntries(
    (Object.keys(names) as (keyof typeof names)[]).map((key) => [key, createUpstreamClient(names[key], config.upstreams[key])]),
  );
  const record = createDecisionRecorder({ register: createRegisterCache(db, register), audit, pseudonymiser: auditModule.pseudonymiser, logger, clock: deps.clock });
  const runExchange = createExchangeRunner({ record, audit, upstreams, logger });
  const app = createApp(config, {
    logger,
    authenticate: createAuthenticator(clients, { audience: config.audience, maxAgeSeconds: config.tokenMaxAgeSeconds, cacheSeconds: config.clientKeyCacheSeconds }),
    routes: [
      ...operationsRoutes(db, config.databaseUrl ? 'postgresql' : 'pglite'),
      ...exchangeRoutes(runExchange, record, upstreams),
      ...auditModule.routes,
      ...registerRoutes(register, createRegisterCommands({ audit, today }), today),
    ],
  });
  return {
    app,
    clients,
    async close() {
      await auditModule.stop();
      await Promise.all(Object.values(upstreams).map((u) => u.close()));
    },
  };
}
