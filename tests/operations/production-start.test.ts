// Issue 13, "Sandbox and production apart": `npm start` stays the sandbox, and a production start (SANDBOX=false)
// enrols no client, writes no client key and loads no demonstration register; it refuses a database that holds
// sandbox clients, with the exit code README.md documents. And a gateway stopped by SIGTERM stops being ready at
// once, lets the request in flight finish (its audit outcome written), then exits.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createClientStore } from '../../gateway/auth/client-store.ts';
import { enrolClient, sandboxClients } from '../../gateway/auth/sandbox-clients.ts';
import { connect } from '../../platform/db/connect.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { exitCodes } from '../../platform/start-up.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import { runEntry, stackFrame } from '../support/commands.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/database.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { productionKeys } from '../support/production-keys.ts';
import { processCaller, startGatewayProcess, stopGatewayProcess } from '../support/gateway-process.ts';

/** A data directory with an empty database, unmigrated: a new PGlite cluster there, or a new database on the server. */
async function freshDeployment() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-prod-'));
  const pgliteDir = path.join(dataDir, 'pglite');
  let server: TestDatabase | null = null;
  if (serverUrl !== null) server = await openTestDatabase();
  else {
    const template = inject('pgliteTemplate');
    if (template)
      await (await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([fs.readFileSync(template)]) })).close();
  }
  return {
    dataDir,
    databaseUrl: server?.url ?? null,
    /** The database, opened only while no gateway process holds the PGlite directory. */
    async use<T>(work: (db: Knex) => Promise<T>): Promise<T> {
      if (server) return work(server.db);
      const db = connect({ databaseUrl: null, pgliteDir });
      try {
        return await work(db);
      } finally {
        await db.destroy();
      }
    },
    async close() {
      await server?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
type Deployment = Awaited<ReturnType<typeof freshDeployment>>;

const count = async (db: Knex, table: string) =>
  Number((await db(table).count<{ n: string }[]>({ n: '*' }).first())?.n ?? 0);
const filesUnder = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('a production start (SANDBOX=false)', () => {
  let deployment: Deployment;
  let secrets: string;
  /** Its keys, from settings, in a directory of their own (a production start never makes them). */
  let keys: Record<string, string>;
  beforeAll(async () => {
    deployment = await freshDeployment();
    secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-prod-secrets-'));
    const { kid: _kid, ...settings } = await productionKeys(secrets);
    keys = settings;
  }, 60_000);
  afterAll(async () => {
    await deployment?.close();
    fs.rmSync(secrets, { recursive: true, force: true });
  });

  it('migrates and serves, but enrols no client, writes no client key and loads no register', async () => {
    const gateway = await startGatewayProcess({
      dataDir: deployment.dataDir,
      databaseUrl: deployment.databaseUrl,
      env: { SANDBOX: 'false', ...keys },
    });
    try {
      expect((await fetch(`${gateway.url}/ready`)).status).toBe(200);
    } finally {
      await stopGatewayProcess(gateway);
    }
    expect(await gateway.exited).toBe(String(exitCodes.stopped));
    const said = gateway.output();
    expect(said).toContain('"msg":"migrating the database"');
    expect(said).not.toMatch(/enrolling|default register|sandbox partner/);

    await deployment.use(async (db) => {
      expect(await count(db, 'clients')).toBe(0);
      expect(await count(db, 'client_history')).toBe(0);
      expect(await count(db, 'collaborations')).toBe(0);
      expect(await count(db, 'agreements')).toBe(0);
      expect(await count(db, 'audit_log')).toBe(0);
    });
    // Beside the embedded database, nothing: no client key, no audit key (those come from settings).
    expect(fs.readdirSync(deployment.dataDir).filter((name) => name !== 'pglite')).toEqual([]);
    const outsideDatabase = filesUnder(deployment.dataDir).filter(
      (f) => !f.startsWith(path.join(deployment.dataDir, 'pglite')),
    );
    expect(outsideDatabase.filter((f) => fs.readFileSync(f).includes('privateJwk'))).toEqual([]);
  }, 60_000);

  it('loads the default register only when told to, with its audit entry', async () => {
    const env = {
      GATEWAY_DATA_DIR: deployment.dataDir,
      ...(deployment.databaseUrl ? { DATABASE_URL: deployment.databaseUrl } : {}),
    };
    const first = await runEntry('mou-registry/cli/load-default-register.ts', [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Loaded the default register: \d+ collaborations/);
    const again = await runEntry('mou-registry/cli/load-default-register.ts', [], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already holds collaborations: nothing was loaded');
    await deployment.use(async (db) => {
      expect(await count(db, 'collaborations')).toBeGreaterThan(10);
      expect(await db('audit_log').pluck('kind')).toEqual(['register-change']);
      expect(await count(db, 'clients')).toBe(0);
    });
  }, 60_000);

  it('refuses, in one line and with exit code 5, a database that holds sandbox clients', async () => {
    await deployment.use(async (db) => {
      const clients = createClientStore(db);
      for (const client of sandboxClients.slice(0, 2)) await enrolClient(clients, client);
    });
    const env = {
      GATEWAY_DATA_DIR: deployment.dataDir,
      ...(deployment.databaseUrl ? { DATABASE_URL: deployment.databaseUrl } : {}),
    };
    const run = await runEntry('gateway/main.ts', [], {
      ...env,
      ...keys,
      SANDBOX: 'false',
      GATEWAY_PORT: '0',
      LOG_LEVEL: 'warn',
    });
    expect(run.code, run.stderr).toBe(exitCodes.sandboxData);
    expect(run.stderr).toMatch(
      /^The database holds 2 sandbox clients \(dfe-pupil-data, ie-removals-casework\)[^\n]*SANDBOX=false[^\n]*\n$/,
    );
    expect(run.stdout + run.stderr).not.toMatch(stackFrame);
  }, 60_000);
});

describe('a sandbox start, then SIGTERM while a slow request is in flight', () => {
  let deployment: Deployment;
  let partner: Awaited<ReturnType<typeof startFakePartner>>;
  beforeAll(async () => {
    deployment = await freshDeployment();
    partner = await startFakePartner('slow', 1_500);
  }, 60_000);
  afterAll(async () => {
    await partner?.close();
    await deployment?.close();
  });

  it('turns not ready at once, finishes the request with its audit outcome, then exits 0', async () => {
    const gateway = await startGatewayProcess({
      dataDir: deployment.dataDir,
      databaseUrl: deployment.databaseUrl,
      env: { DFE_UPSTREAM_URL: partner.url, UPSTREAM_TIMEOUT_MS: '10000', SHUTDOWN_DEADLINE_MS: '10000' },
    });
    try {
      const said = gateway.output();
      for (const step of [
        'migrating the database',
        'loading the default register (sandbox)',
        'starting the sandbox partner services',
        `enrolling ${sandboxClients.length} sandbox clients`,
        'gateway listening',
      ]) {
        expect(said).toContain(`"msg":"${step}`);
      }
      const ie = processCaller(gateway, 'ie-removals-casework');
      const trace = childTraceRequest({
        ...fixtures.traceableChild,
        postcode: currentPostcode(fixtures.traceableChild),
      });
      const inFlight = ie.post(childTracePath, trace);
      while (partner.calls() === 0) await new Promise((resolve) => setTimeout(resolve, 20));

      gateway.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 200));
      const ready = await fetch(`${gateway.url}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        code: 'unavailable',
        detail: expect.stringContaining('shutting down'),
      });
      expect(gateway.child.exitCode).toBeNull();

      const answer = await inFlight;
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.body.auditId).toEqual(expect.any(String));
      expect(await gateway.exited).toBe(String(exitCodes.stopped));
      expect(gateway.output()).toContain('"msg":"stopped"');

      await deployment.use(async (db) => {
        const outcomes = await db('audit_log').where({ kind: 'outcome' }).count<{ n: string }[]>({ n: '*' }).first();
        expect(Number(outcomes?.n)).toBe(1);
      });
    } finally {
      await stopGatewayProcess(gateway);
    }
  }, 60_000);

  it('exits anyway, saying so, once SHUTDOWN_DEADLINE_MS has passed', async () => {
    partner.behave('slow');
    const gateway = await startGatewayProcess({
      dataDir: deployment.dataDir,
      databaseUrl: deployment.databaseUrl,
      env: { DFE_UPSTREAM_URL: partner.url, UPSTREAM_TIMEOUT_MS: '10000', SHUTDOWN_DEADLINE_MS: '300' },
    });
    try {
      const calls = partner.calls();
      const ie = processCaller(gateway, 'ie-removals-casework');
      const inFlight = ie
        .post(
          childTracePath,
          childTraceRequest({ ...fixtures.traceableChild, postcode: currentPostcode(fixtures.traceableChild) }),
        )
        .catch((error: Error) => error);
      while (partner.calls() === calls) await new Promise((resolve) => setTimeout(resolve, 20));
      gateway.child.kill('SIGTERM');
      expect(await gateway.exited).toBe(String(exitCodes.shutdownDeadline));
      expect(gateway.output()).toContain('"msg":"shutdown deadline passed: exiting with requests still in flight"');
      expect(await inFlight).toBeInstanceOf(Error);
    } finally {
      await stopGatewayProcess(gateway);
    }
  }, 60_000);
});
