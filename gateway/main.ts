// `npm start`: the gateway on the embedded database (or DATABASE_URL), with the sandbox partners and the
// default register, ready for a first call.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { auditHmacKey } from './audit-key.ts';
import { ensureSandboxClients, sandboxClients } from './auth/sandbox-clients.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { connect } from './db/connect.ts';
import { SchemaBehindError } from './db/migrate.ts';
import { buildGateway, prepareDatabase } from './gateway.ts';
import { createLogger } from './logger.ts';
import { sandboxPorts, startSandboxes, upstreamsWithSandboxes } from './sandbox/start-sandboxes.ts';

let config: Config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const logger = createLogger(config.logLevel);
const db = connect(config);
try {
  await prepareDatabase(db);
} catch (error) {
  // Connected as the least-privilege role (npm run db:roles) to a schema that is behind: say what to run.
  if (!(error instanceof SchemaBehindError)) throw error;
  console.error(error.message);
  await db.destroy();
  process.exit(2);
}
const sandboxes = config.sandbox.start ? await startSandboxes(sandboxPorts(config.sandbox)) : null;
if (sandboxes) config = { ...config, upstreams: upstreamsWithSandboxes(config.upstreams, sandboxes.urls) };
const gateway = buildGateway(config, { db, logger, hmacKey: auditHmacKey(config) });
await ensureSandboxClients(gateway.clients, config.dataDir);

const server: Server = gateway.app.listen(config.port, config.host, () => {
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
});

async function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  server.close();
  await gateway.close();
  await sandboxes?.close();
  await db.destroy();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
