// Starts a whole gateway for a test file: a fresh database, migrations and default register, the DfE sandbox
// over real HTTP, registered clients with real keys, and the log captured so tests can read it.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { Knex } from 'knex';
import { SignJWT, importJWK, type JWTPayload } from 'jose';
import request from 'supertest';
import { fileKeyRing, type AuditKeyRing } from '../../audit/signing-keys.ts';
import { enrolClient, sandboxClients, type SigningKey } from '../../gateway/auth/sandbox-clients.ts';
import { loadConfig, type CallbackSettings, type Config, type OidcSettings } from '../../platform/config.ts';
import { createServer } from 'node:http';
import { migrate } from '../../schema/migrations.ts';
import { buildGateway } from '../../gateway/gateway.ts';
import type { Tracing } from '../../platform/tracing.ts';
import { loadDefaultRegister } from '../../mou-registry/default-register/load.ts';
import { createLogger } from '../../platform/logger.ts';
import { startSandboxes, type RunningSandboxes } from '../../sandbox/start-sandboxes.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';
import { testPopulation } from './population-file.ts';

export interface TestGatewayOptions {
  clock?: () => Date;
  /** Point the DfE upstream somewhere else (e.g. a failing partner); the sandbox is still started. */
  dfeUrl?: string;
  /** Point the Home Office records upstream somewhere else (e.g. a failing records service). */
  homeOfficeUrl?: string;
  /**
   * The deadline for the upstream a test pointed elsewhere (dfeUrl, homeOfficeUrl); the sandboxes keep 2 s, so a
   * short deadline meant for a slow fake partner never times out a records lookup on a loaded machine.
   */
  upstreamTimeoutMs?: number;
  rateLimitPerMinute?: number;
  /** Refused authentications per address before 429; by default too many to reach, so security tests see their 401s. */
  unauthenticatedThrottle?: Config['unauthenticatedThrottle'];
  /** The client register's settings (CLIENT_REGISTER_POLL_MS, JWKS_FETCH_TIMEOUT_MS, JWKS_MAX_BYTES, JWKS_CACHE_SECONDS). */
  clientRegister?: Partial<Config['clientRegister']>;
  database?: TestDatabase;
  /** The keys that sign audit checkpoints (e.g. memoryKeyRing(), to rotate them in a test); by default the data dir's. */
  auditKeys?: AuditKeyRing;
  /** Console sign-in with OpenID Connect, given the gateway's own address (its redirect URL depends on it). */
  oidc?: (baseUrl: string) => OidcSettings;
  /** false: a production start (SANDBOX=false), whose console takes no pasted token. */
  sandbox?: boolean;
  /** Batch callback settings (BATCH_CALLBACK_*), e.g. a backoff of milliseconds so retries come at once. */
  callbacks?: Partial<CallbackSettings>;
  /** A batch body's byte limit (BATCH_BODY_LIMIT_BYTES), e.g. small, so an oversized batch need not be 32 MB. */
  batchBodyLimitBytes?: number;
  /** Spans of each request's steps (createTracing with an in-memory exporter); by default as the config says: off. */
  tracing?: Tracing;
}

const population = await testPopulation();

export async function startTestGateway(options: TestGatewayOptions = {}) {
  const database = options.database ?? (await openTestDatabase());
  await migrate(database.db);
  await loadDefaultRegister(database.db);
  const sandboxes: RunningSandboxes = await startSandboxes({}, population);
  const base = loadConfig({ LOG_LEVEL: 'info' });
  // One listening server for the file (supertest given the app itself would open a server per request), opened
  // first so that its address is known to the settings that need it.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: Config = {
    ...base,
    publicUrl: baseUrl,
    oidc: options.oidc ? options.oidc(baseUrl) : null,
    sandbox: { ...base.sandbox, start: options.sandbox ?? true },
    databaseUrl: database.url,
    rateLimitPerMinute: options.rateLimitPerMinute ?? base.rateLimitPerMinute,
    unauthenticatedThrottle: options.unauthenticatedThrottle ?? { perMinute: 1_000_000, burst: 1_000_000 },
    clientRegister: { ...base.clientRegister, ...options.clientRegister },
    metricsToken: randomBytes(32).toString('base64url'),
    batches: {
      ...base.batches,
      bodyLimitBytes: options.batchBodyLimitBytes ?? base.batches.bodyLimitBytes,
      callbacks: { ...base.batches.callbacks, ...options.callbacks },
    },
    upstreams: {
      ...(Object.fromEntries(
        Object.entries(sandboxes.urls).map(([name, url]) => [name, { url, timeoutMs: 2000 }]),
      ) as Config['upstreams']),
      dfe: {
        url: options.dfeUrl ?? sandboxes.urls.dfe,
        timeoutMs: (options.dfeUrl && options.upstreamTimeoutMs) || 2000,
      },
      homeOffice: {
        url: options.homeOfficeUrl ?? sandboxes.urls.homeOffice,
        timeoutMs: (options.homeOfficeUrl && options.upstreamTimeoutMs) || 2000,
      },
    },
  };
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const hmacKey = randomBytes(32);
  const auditKeys = options.auditKeys ?? fileKeyRing(config.auditCheckpoints.keysDir);
  const gateway = buildGateway(config, {
    db: database.db,
    logger: createLogger('info', sink),
    hmacKey,
    clock: options.clock,
    auditKeys,
    ...(options.tracing ? { tracing: options.tracing } : {}),
  });
  const keys = new Map<string, SigningKey>();
  for (const client of sandboxClients) keys.set(client.id, await enrolClient(gateway.clients, client));

  /** A token for a client; `claims` and `header` override what a well-behaved client would send. */
  async function token(clientId: string, claims: JWTPayload = {}, header: Record<string, unknown> = {}) {
    const key = keys.get(clientId);
    if (!key) throw new Error(`no test key for ${clientId}`);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: clientId, sub: clientId, aud: config.audience, iat: now, exp: now + 300, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, ...header })
      .sign(await importJWK(key.privateJwk, 'ES256'));
  }

  server.on('request', gateway.app);

  return {
    http: request(baseUrl),
    /** Where each sandbox partner answers (a test may put a recorder in front of one). */
    sandboxUrls: sandboxes.urls,
    baseUrl,
    app: gateway.app,
    db: database.db as Knex,
    databaseKind: database.kind,
    config,
    population,
    hmacKey,
    auditKeys,
    keys,
    people: gateway.people,
    token,
    logs: () => logLines.join(''),
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await gateway.close();
      await sandboxes.close();
      await database.drop();
    },
  };
}
export type TestGateway = Awaited<ReturnType<typeof startTestGateway>>;
