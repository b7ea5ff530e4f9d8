// The sandbox's part of `npm start` (SANDBOX=true, the default): the demonstration register, the partner services
// and clients with keys, so that a newcomer can make a first call. gateway/main.ts imports this module only for a
// sandbox start; a production start never runs it.
import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { enrolClient, keysDir, sandboxClients } from '../gateway/auth/sandbox-clients.ts';
import type { ClientStore } from '../gateway/auth/client-store.ts';
import type { Config } from '../platform/config.ts';
import { sandboxPorts, startSandboxes, upstreamsWithSandboxes, type RunningSandboxes } from './start-sandboxes.ts';
import { loadDefaultRegister } from '../mou-registry/default-register/load.ts';
import { randomBytes } from 'node:crypto';
import { portSettings, type OidcSettings } from '../platform/config.ts';
import type { MappingChange, PeopleRegister } from '../gateway/console/people.ts';
import { GatewayError } from '../platform/http/problem.ts';
import { demoPeople, startIdentityProvider, type RunningIdentityProvider } from './identity-provider.ts';

/** The default register, into an empty register only, with its audit entry. */
export async function loadSandboxRegister(db: Knex, logger: Logger): Promise<void> {
  logger.info('loading the default register (sandbox)');
  const loaded = await loadDefaultRegister(db);
  logger.info(
    loaded
      ? 'default register loaded'
      : 'the register already holds collaborations; the default register was not loaded',
  );
}

/** The partner services on their SANDBOX_*_PORT settings, and the upstreams aimed at them. */
export async function startSandboxPartners(
  config: Config,
  logger: Logger,
): Promise<{ sandboxes: RunningSandboxes; upstreams: Config['upstreams'] }> {
  logger.info('starting the sandbox partner services');
  const sandboxes = await startSandboxes(sandboxPorts(config.sandbox));
  logger.info({ partners: sandboxes.urls }, 'sandbox partner services started');
  return { sandboxes, upstreams: upstreamsWithSandboxes(config.upstreams, sandboxes.urls) };
}

/** What `npm start` prints for a newcomer to ask for a token. */
export const clientIds = (): string[] => sandboxClients.map((c) => c.id);

/** At first start: enrol every sandbox client and keep its private key under the data directory. */
export async function enrolSandboxClients(
  clients: Pick<ClientStore, 'register' | 'count'>,
  dataDir: string,
  logger: Logger,
): Promise<void> {
  if ((await clients.count()) > 0) return;
  logger.info({ keys: keysDir(dataDir) }, `enrolling ${sandboxClients.length} sandbox clients`);
  fs.mkdirSync(keysDir(dataDir), { recursive: true, mode: 0o700 });
  for (const client of sandboxClients) {
    const key = await enrolClient(clients, client);
    fs.writeFileSync(path.join(keysDir(dataDir), `${client.id}.json`), JSON.stringify(key, null, 2), { mode: 0o600 });
  }
}

/**
 * Unless OIDC_ISSUER names a real provider: the sandbox identity provider on SANDBOX_IDP_PORT, and the console's
 * settings for it (a client secret made for this run).
 */
export async function startSandboxIdentityProvider(
  config: Config,
  logger: Logger,
): Promise<{ provider: RunningIdentityProvider; oidc: OidcSettings }> {
  logger.info('starting the sandbox identity provider');
  const client = {
    clientId: 'gateway-console',
    clientSecret: randomBytes(32).toString('base64url'),
    redirectUri: `${config.publicUrl.replace(/\/$/, '')}/console/sign-in/callback`,
  };
  const provider = await startIdentityProvider(
    { host: '127.0.0.1', port: config.sandbox.idpPort, setting: portSettings.identityProvider },
    demoPeople,
    client,
  );
  logger.info({ issuer: provider.issuer }, 'sandbox identity provider started');
  return {
    provider,
    oidc: {
      issuer: provider.issuer,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      privateKeyFile: null,
      redirectUrl: client.redirectUri,
      groupsClaim: 'groups',
      providerName: 'the sandbox identity provider',
    },
  };
}

/** The demonstration people's roles: the DPO by her group, the SRO by her subject; the third has none. */
export const demoMappings: MappingChange[] = [
  { claim: 'group', value: 'gateway-dpo', role: 'dpo' },
  { claim: 'sub', value: 'sandbox-sro-0001', role: 'sro' },
];

/** At first start, into an empty register of people, audited like any change. */
export async function mapDemoPeople(people: Pick<PeopleRegister, 'isEmpty' | 'grant'>, logger: Logger): Promise<void> {
  if (!(await people.isEmpty())) return;
  logger.info("giving the sandbox identity provider's demonstration people their console roles");
  for (const mapping of demoMappings) {
    // Another gateway starting on the same database at the same moment may have given it first: nothing to do.
    await people.grant('sandbox', mapping).catch((error: unknown) => {
      if (!(error instanceof GatewayError && error.code === 'conflict')) throw error;
    });
  }
}
