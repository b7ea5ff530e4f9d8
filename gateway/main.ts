// `npm start`. By default a sandbox: the embedded database (or DATABASE_URL), the sandbox partners, the default
// register and sandbox clients, ready for a first call. With SANDBOX=false a production start: it migrates and
// serves, enrols no client, writes no client key and loads no register (`npm run register:load-default` does, on
// purpose), and refuses a database that holds sandbox clients. A start that cannot succeed says why in one line
// and exits with one of the codes in start-up.ts (documented in README.md).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditHmacKey } from './audit-key.ts';
import { portSettings, type Config } from '../platform/config.ts';
import { connect, withoutKnexWarnings } from '../platform/db/connect.ts';
import { migrate } from '../schema/migrations.ts';
import { buildGateway } from './gateway.ts';
import { listen } from '../platform/http/listen.ts';
import { createLogger } from '../platform/logger.ts';
import { checkProductionKeys } from './production-keys.ts';
import { refuseSandboxClients } from './production-start.ts';
import type { RunningSandboxes } from '../sandbox/start-sandboxes.ts';
import { exitCodes, loadConfigOrExit, lockEmbeddedOrExit, whyNotStarted } from '../platform/start-up.ts';

// Reassigned once, when the sandbox partners take the upstream URLs.
let config: Config = loadConfigOrExit();

const logger = createLogger(config.logLevel);
// PGlite admits one process: a second gateway, or the audit CLI, on the same directory is refused in one line.
lockEmbeddedOrExit(config, 'a gateway');
const db = connect(config);
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.pgliteDir}`;
// Loaded only for a sandbox start, so that none of its code runs on the production path.
const sandbox = config.sandbox.start ? await import('../sandbox/start.ts') : null;
let sandboxes: RunningSandboxes | null = null;
let identityProvider: { close(): Promise<void> } | null = null;
let gateway: ReturnType<typeof buildGateway> | null = null;
let server: Server;
try {
  checkProductionKeys(config);
  logger.info({ database: where, sandbox: config.sandbox.start }, 'migrating the database');
  await withoutKnexWarnings(db, () => migrate(db));
  if (sandbox) await sandbox.loadSandboxRegister(db, logger);
  else await refuseSandboxClients(db);
  if (sandbox && config.sandbox.partners) {
    const started = await sandbox.startSandboxPartners(config, logger);
    sandboxes = started.sandboxes;
    config = { ...config, upstreams: started.upstreams };
  }
  // Beside the sandbox partners: a second gateway on the host (SANDBOX_PARTNERS=false) would find its port taken.
  // Not with GATEWAY_PORT=0: the provider must be told the console's address before the port is known.
  if (sandbox && config.sandbox.partners && !config.oidc && config.port !== 0) {
    const started = await sandbox.startSandboxIdentityProvider(config, logger);
    identityProvider = started.provider;
    config = { ...config, oidc: started.oidc };
  }
  gateway = buildGateway(config, { db, logger, hmacKey: auditHmacKey(config) });
  if (sandbox) await sandbox.enrolSandboxClients(gateway.clients, config.dataDir, logger);
  if (sandbox) await sandbox.mapDemoPeople(gateway.people, logger);
  server = await listen(gateway.app, {
    what: 'The gateway',
    host: config.host,
    port: config.port,
    setting: portSettings.gateway,
    hint: 'or stop the gateway already running there',
  });
} catch (error) {
  const failure = whyNotStarted(config, error);
  if (!failure) throw error;
  console.error(failure.message);
  // Closed in order, so that the embedded database is written back before the process ends.
  await gateway?.close();
  await sandboxes?.close();
  await identityProvider?.close();
  await db.destroy();
  process.exit(failure.exitCode);
}

// With GATEWAY_PORT=0 the system picks the port; say the one actually bound, so a supervisor can find it.
const { port } = server.address() as AddressInfo;
const publicUrl = config.port === 0 ? `http://${config.host}:${port}` : config.publicUrl;
logger.info({ port }, 'gateway listening');
const partners = sandboxes
  ? Object.entries(sandboxes.urls)
      .map(([name, url]) => `${name} ${url}`)
      .join('\n                        ')
  : `not started here (${config.sandbox.start ? 'SANDBOX_PARTNERS=false' : 'SANDBOX=false'}): the *_UPSTREAM_URL settings`;
console.log(`
  Data-sharing gateway  ${publicUrl}
  API docs              ${publicUrl}/docs
  Database              ${where}
  Partners              ${partners}
  Console sign-in       ${config.oidc ? `${publicUrl}/console (${config.oidc.providerName}: ${config.oidc.issuer})` : 'none: set the OIDC_* settings'}
${
  sandbox
    ? `
  Get a token:          npm run --silent token -- ie-removals-casework
  Sandbox clients:      ${sandbox.clientIds().join(', ')}
`
    : `
  Production start: no sandbox clients, no demonstration register (npm run register:load-default loads it).
`
}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const running = gateway!;
  logger.info(
    { signal, inFlight: running.drain.inFlight(), deadlineMs: config.shutdownDeadlineMs },
    'shutting down: not ready, finishing requests in flight',
  );
  const deadline = setTimeout(() => {
    logger.warn(
      { inFlight: running.drain.inFlight(), deadlineMs: config.shutdownDeadlineMs },
      'shutdown deadline passed: exiting with requests still in flight',
    );
    server.closeAllConnections();
    process.exit(exitCodes.shutdownDeadline);
  }, config.shutdownDeadlineMs);
  await running.drain.begin();
  // Refused requests carry `Connection: close`; any connection left idle is closed so that close() can finish.
  const closed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  server.closeIdleConnections();
  await closed;
  await running.close();
  await sandboxes?.close();
  await identityProvider?.close();
  await db.destroy();
  clearTimeout(deadline);
  logger.info({ signal }, 'stopped');
  process.exit(exitCodes.stopped);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
