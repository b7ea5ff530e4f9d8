// `npm start`: the gateway on the embedded database (or DATABASE_URL), with the sandbox partners and the
// default register, ready for a first call. A start that cannot succeed says why in one line and exits with one of
// the codes in start-up.ts (documented in README.md).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditHmacKey } from './audit-key.ts';
import { ensureSandboxClients, sandboxClients } from './auth/sandbox-clients.ts';
import { loadConfig, portSettings, type Config } from './config.ts';
import { connect, withoutKnexWarnings } from './db/connect.ts';
import { buildGateway, prepareDatabase } from './gateway.ts';
import { listen } from './http/listen.ts';
import { createLogger } from './logger.ts';
import { sandboxPorts, startSandboxes, upstreamsWithSandboxes, type RunningSandboxes } from './sandbox/start-sandboxes.ts';
import { exitCodes, whyNotStarted } from './start-up.ts';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  const failure = whyNotStarted(null, error);
  if (!failure) throw error;
  console.error(failure.message);
  process.exit(failure.exitCode);
}

const logger = createLogger(config.logLevel);
const db = connect(config);
let sandboxes: RunningSandboxes | null = null;
let gateway: ReturnType<typeof buildGateway> | null = null;
let server: Server;
try {
  await withoutKnexWarnings(db, () => prepareDatabase(db));
  if (config.sandbox.start) {
    sandboxes = await startSandboxes(sandboxPorts(config.sandbox));
    config = { ...config, upstreams: upstreamsWithSandboxes(config.upstreams, sandboxes.urls) };
  }
  gateway = buildGateway(config, { db, logger, hmacKey: auditHmacKey(config) });
  await ensureSandboxClients(gateway.clients, config.dataDir);
  server = await listen(gateway.app, {
    what: 'The gateway', host: config.host, port: config.port, setting: portSettings.gateway, hint: 'or stop the gateway already running there',
  });
} catch (error) {
  const failure = whyNotStarted(config, error);
  if (!failure) throw error;
  console.error(failure.message);
  // Closed in order, so that the embedded database is written back before the process ends.
  await gateway?.close();
  await sandboxes?.close();
  await db.destroy();
  process.exit(failure.exitCode);
}

// With GATEWAY_PORT=0 the system picks the port; say the one actually bound, so a supervisor can find it.
const { port } = server.address() as AddressInfo;
const publicUrl = config.port === 0 ? `http://${config.host}:${port}` : config.publicUrl;
logger.info({ port }, 'gateway listening');
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.pgliteDir}`;
console.log(`
  Data-sharing gateway  ${publicUrl}
  API docs              ${publicUrl}/docs
  Database              ${where}
  Sandbox partners      ${sandboxes ? Object.entries(sandboxes.urls).map(([name, url]) => `${name} ${url}`).join('\n                        ') : 'not started (SANDBOX=false)'}

  Get a token:          npm run --silent token -- ie-removals-casework
  Sandbox clients:      ${sandboxClients.map((c) => c.id).join(', ')}
`);

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close();
  await gateway?.close();
  await sandboxes?.close();
  await db.destroy();
  process.exit(exitCodes.stopped);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
