// Wires the gateway's parts together: the composition root used by main.ts and by the tests.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { createAuditModule } from '../audit/audit-module.ts';
import { fileKeyRing, type AuditKeyRing } from '../audit/signing-keys.ts';
import { createRegisterCommands } from '../mou-registry/commands.ts';
import { registerRoutes } from '../mou-registry/routes.ts';
import { createRegisterCache, registerAsKnown } from '../mou-registry/register-cache.ts';
import { createRegisterStore } from '../mou-registry/store.ts';
import { replayRoute } from './exchanges/replay.ts';
import { londonDay } from '../platform/london-day.ts';
import { createAuthenticator } from './auth/authenticate.ts';
import { createClientStore } from './auth/client-store.ts';
import { createKeySets } from './auth/key-sets.ts';
import { createClientCommands } from './clients/commands.ts';
import { clientRoutes } from './clients/routes.ts';
import { createAddressThrottle } from '../platform/http/address-throttle.ts';
import type { Config } from '../platform/config.ts';
import { exchangeRoutes } from './exchanges/routes.ts';
import { refusedWhileChainBroken } from './exchanges/chain-guard.ts';
import { createDecisionCommitter } from './exchanges/decision-commit.ts';
import { createExchangePipeline } from './exchanges/pipeline.ts';
import { createApp } from '../platform/http/app.ts';
import { createDrain } from '../platform/http/drain.ts';
import { createIdempotencyStore } from '../platform/http/idempotency.ts';
import { operationsRoutes } from '../platform/http/operations.ts';
import { pendingMigrations } from '../schema/migrations.ts';
import { createUpstreamClient } from './upstream/upstream-client.ts';
import { createTracing, type Tracing } from '../platform/tracing.ts';
import { completionRoutes, createCompletions } from './measures/completion.ts';
import { createJointReviews } from '../mou-registry/reviews/joint-reviews.ts';
import { jointReviewRoutes } from '../mou-registry/reviews/routes.ts';
import { createFeedback } from './measures/feedback.ts';
import { createMetrics } from './measures/metrics.ts';
import { measuresRoutes } from './measures/routes.ts';
import { createMeasures } from './measures/service.ts';
import { createMeasuresStore } from './measures/store.ts';
import { createObligations } from './obligations/service.ts';
import { createReportedMeasures } from './measures/reported.ts';
import { createJointReviewSignals } from './measures/joint-review-signals.ts';
import { reportedMeasureRoutes } from './measures/reported-routes.ts';
import { obligationRoutes } from './obligations/routes.ts';
import { consoleRouter } from './console/router.ts';
import { createSessions } from './console/sessions.ts';
import { createRelyingParty } from './console/oidc.ts';
import { createPeopleRegister } from './console/people.ts';
import { peopleRoutes } from './console/people-routes.ts';
import { createSignInAttempts } from './console/sign-in-attempts.ts';
import { listCheckpoints } from '../audit/checkpoints.ts';
import { listWitnesses } from '../audit/witnesses.ts';
import { createAuditReader } from '../audit/read.ts';
import { createSubjectReporter } from '../audit/subject-report.ts';
import { verifyLog } from '../audit/verify.ts';
import { exportLines } from '../audit/export.ts';
import { createBatches } from './batches/batches.ts';

export interface GatewayDeps {
  db: Knex;
  logger: Logger;
  hmacKey: Buffer;
  clock?: () => Date;
  /** The keys that sign audit checkpoints; by default files under config.auditCheckpoints.keysDir. */
  auditKeys?: AuditKeyRing;
  /** The keys that sign batch callbacks; by default files under config.batches.callbacks.keysDir. */
  callbackKeys?: AuditKeyRing;
  /** Spans of each request's steps; by default as config.tracing says (off unless an OTLP endpoint is set). */
  tracing?: Tracing;
}

export function buildGateway(config: Config, deps: GatewayDeps) {
  const { db, logger } = deps;
  const tracing = deps.tracing ?? createTracing(config.tracing);
  const clients = createClientStore(db);
  const auditKeys = deps.auditKeys ?? fileKeyRing(config.auditCheckpoints.keysDir, { create: config.sandbox.start });
  const auditModule = createAuditModule(db, {
    hmacKey: deps.hmacKey,
    keys: auditKeys,
    checkpoints: config.auditCheckpoints,
    logger,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const { chainHealth } = auditModule;
  const metrics = createMetrics(db, chainHealth);
  // Every writer of the log goes through the observed appender, so the metrics count what the log holds.
  const audit = metrics.observe(auditModule.appender);
  const register = createRegisterStore(db);
  const today = () => londonDay(deps.clock?.() ?? new Date());
  const names = {
    dfe: 'DfE',
    dwp: 'DWP',
    hmrc: 'HMRC',
    nhs: 'NHS Digital',
    homeOffice: 'Home Office records',
    financial: 'The bank',
  } as const;
  const upstreams = Object.fromEntries(
    (Object.keys(names) as (keyof typeof names)[]).map((key) => [
      key,
      createUpstreamClient(names[key], config.upstreams[key], tracing),
    ]),
  );
  const commit = createDecisionCommitter({
    audit,
    register: createRegisterCache(db, createRegisterStore),
    sealer: auditModule.sealer,
  });
  const pipeline = createExchangePipeline({
    commit,
    audit,
    upstreams,
    pseudonymiser: auditModule.pseudonymiser,
    logger,
    tracing,
    ...(deps.clock ? { clock: deps.clock } : {}),
  });
  const batches = createBatches(config.batches, {
    db,
    hmacKey: deps.hmacKey,
    run: pipeline,
    logger,
    publicUrl: config.publicUrl,
    // A production start never makes this key (production-keys.ts); a sandbox makes one at first use.
    callbackKeys: deps.callbackKeys ?? fileKeyRing(config.batches.callbacks.keysDir, { create: config.sandbox.start }),
    registeredUrls: async (clientId) => {
      const client = await clients.current(clientId);
      return client?.status === 'active' ? client.callbackUrls : null;
    },
  });
  const measuresStore = createMeasuresStore(db);
  const obligations = createObligations({ db, audit, today, logger });
  const reportedMeasures = createReportedMeasures({ db, audit, register });
  const measures = createMeasures({
    store: measuresStore,
    register,
    today,
    chain: chainHealth,
    overdueObligations: obligations.overdue,
    reported: reportedMeasures.forCollaboration,
    obligationCounts: obligations.counts,
    jointReviewSignals: createJointReviewSignals({ db, register, today }),
  });
  const { clientRegister } = config;
  const authenticate = createAuthenticator(clients, {
    audience: config.audience,
    maxAgeSeconds: config.tokenMaxAgeSeconds,
    cacheSeconds: config.clientKeyCacheSeconds,
    registerPollMs: clientRegister.pollMs,
    keySets: createKeySets({
      timeoutMs: clientRegister.jwksTimeoutMs,
      maxBytes: clientRegister.jwksMaxBytes,
      cacheSeconds: clientRegister.jwksCacheSeconds,
    }),
    throttle: createAddressThrottle(config.unauthenticatedThrottle),
  });
  const clientCommands = createClientCommands({
    db,
    audit,
    changed: authenticate.forget,
    callbackUrlsOverHttp: config.batches.callbacks.allowHttp,
  });
  const commands = createRegisterCommands({ audit, today });
  const clock = deps.clock ?? (() => new Date());
  const subjectHmac = auditModule.pseudonymiser.providerSubject;
  const people = createPeopleRegister({ db, audit, subjectHmac });
  const consolePages = consoleRouter({
    commands,
    sessions: createSessions({ db, clients, authenticate, people, audit, subjectHmac, clock }),
    relyingParty: config.oidc ? createRelyingParty(config.oidc) : null,
    attempts: createSignInAttempts(db, clock),
    tokenSignIn: config.sandbox.start,
    register,
    measures,
    reader: createAuditReader(db),
    subjectReport: createSubjectReporter(db, auditModule.pseudonymiser),
    verify: async () => chainHealth.verified(await verifyLog(db, { jwks: await auditKeys.jwks() })),
    reviews: createJointReviews({ db, audit, today }),
    audit,
    exportLines: (request, limit) =>
      exportLines(
        { db, checkpoints: auditModule.checkpointer, keys: auditKeys, ...(deps.clock ? { clock: deps.clock } : {}) },
        request,
        limit,
      ),
    chain: chainHealth,
    checkpoints: () => listCheckpoints(db),
    witnesses: () => listWitnesses(db),
    head: () => measuresStore.head(),
    today,
    secureCookies: config.publicUrl.startsWith('https:'),
    logger,
  });
  const drain = createDrain();
  const app = createApp(config, {
    logger,
    authenticate,
    routes: [
      ...operationsRoutes(db, config.databaseUrl ? 'postgresql' : 'pglite', pendingMigrations, chainHealth),
      ...refusedWhileChainBroken(
        exchangeRoutes(
          pipeline,
          (before) => registerAsKnown(createRegisterStore(db, { before }), { before }),
          deps.clock,
        ),
        chainHealth,
      ),
      ...auditModule.routes,
      replayRoute({
        reader: createAuditReader(db),
        sealer: auditModule.sealer,
        registerAsKnown: (known) => registerAsKnown(createRegisterStore(db, known), known),
      }),
      ...registerRoutes(register, commands, today, (known) => createRegisterStore(db, known)),
      ...jointReviewRoutes(createJointReviews({ db, audit, today })),
      ...measuresRoutes(measures, createFeedback({ audit, logger })),
      ...completionRoutes(createCompletions({ audit, logger, clock: deps.clock ?? (() => new Date()) })),
      ...obligationRoutes(obligations),
      ...reportedMeasureRoutes(reportedMeasures),
      ...peopleRoutes(people),
      ...clientRoutes(clientCommands),
      ...batches.routes,
      metrics.route(config.metricsToken),
    ],
    observe: [metrics.httpMiddleware],
    drain: drain.middleware,
    pages: { path: '/console', router: consolePages },
    idempotency: createIdempotencyStore(db, deps.hmacKey),
    tracing,
  });
  return {
    app,
    clients,
    people,
    drain,
    async close() {
      await batches.stop();
      await auditModule.stop();
      await Promise.all(Object.values(upstreams).map((u) => u.close()));
      await tracing.shutdown();
    },
  };
}
