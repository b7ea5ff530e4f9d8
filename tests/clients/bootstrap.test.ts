// Issue 13: "A bootstrap CLI creates the first administrator and says what to do next." On a fresh production
// deployment, as README.md's "onboarding a partner" walks it: the administrator's key pair is made on their own
// machine, the public half registers the first registry administrator, the private half signs a token (npm run
// token -- <id> --key <file>), and that token registers a partner through the API of a SANDBOX=false gateway.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../platform/db/connect.ts';
import { runEntry, stackFrame } from '../support/commands.ts';
import { openTestDatabase, serverUrl, type TestDatabase } from '../support/database.ts';
import { startGatewayProcess, stopGatewayProcess } from '../support/gateway-process.ts';
import { productionKeys } from '../support/production-keys.ts';
import { jwksOf, partnerKey } from './support.ts';

let dataDir: string;
let server: TestDatabase | null = null;
let env: Record<string, string>;
const files = { pub: '', key: '' };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bootstrap-'));
  if (serverUrl !== null) server = await openTestDatabase();
  else {
    const template = inject('pgliteTemplate');
    if (template)
      await (
        await PGlite.create({
          dataDir: path.join(dataDir, 'pglite'),
          loadDataDir: new Blob([fs.readFileSync(template)]),
        })
      ).close();
  }
  env = { GATEWAY_DATA_DIR: dataDir, SANDBOX: 'false', ...(server ? { DATABASE_URL: server.url! } : {}) };
  // As `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256` and `openssl pkey -pubout` would write them.
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  files.pub = path.join(dataDir, 'admin.pub');
  files.key = path.join(dataDir, 'admin.key');
  fs.writeFileSync(files.pub, publicKey.export({ type: 'spki', format: 'pem' }));
  fs.writeFileSync(files.key, privateKey.export({ type: 'pkcs8', format: 'pem' }));
}, 60_000);
afterAll(async () => {
  await server?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(`${dataDir}-secrets`, { recursive: true, force: true });
});

const bootstrap = (args: string[]) => runEntry('gateway/cli/clients-bootstrap.ts', args, env);
async function useDatabase<T>(work: (db: Knex) => Promise<T>): Promise<T> {
  if (server) return work(server.db);
  const db = connect({ databaseUrl: null, pgliteDir: path.join(dataDir, 'pglite') });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

describe('the bootstrap command', () => {
  it('prints its usage on stdout for --help, and on stderr with exit 2 when arguments are missing', async () => {
    const help = await bootstrap(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toMatch(/^usage: npx tsx gateway\/cli\/clients-bootstrap\.ts --id/);
    const wrong = await bootstrap(['--id', 'ho-admin']);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(wrong.stderr).toMatch(/^usage:/);
  });

  it("refuses a private key, and a sandbox client's id, in one line each", async () => {
    const leaked = await bootstrap(['--id', 'ho-admin', '--party', 'home-office', '--public-key', files.key]);
    expect(leaked.code).toBe(1);
    expect(leaked.stderr).toMatch(/^clients-bootstrap: [^\n]*holds a private key[^\n]*\n$/);
    const sandboxId = await bootstrap(['--id', 'registry-admin', '--party', 'home-office', '--public-key', files.pub]);
    expect(sandboxId.code).toBe(1);
    expect(sandboxId.stderr).toMatch(/sandbox client's id/);
    expect(leaked.stderr + sandboxId.stderr).not.toMatch(stackFrame);
  });

  it('registers the first administrator, audited, says what to do next, and refuses a second time', async () => {
    const run = await bootstrap(['--id', 'ho-admin', '--party', 'home-office', '--public-key', files.pub]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(
      /^Registered "ho-admin" \(party home-office, role registry-admin\) with key \S+ \(ES256\)/,
    );
    expect(run.stdout).toContain('npm run --silent token -- ho-admin --key <private key file>');
    expect(run.stdout).toContain('/v1/clients');
    const again = await bootstrap(['--id', 'ho-admin-2', '--party', 'home-office', '--public-key', files.pub]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already has a registry administrator \(ho-admin\)/);
    await useDatabase(async (db) => {
      const [entry] = await db('audit_log').where({ kind: 'register-change' }).pluck('body');
      expect(entry).toMatchObject({
        action: 'client-register',
        target: 'client/ho-admin',
        actor: expect.stringMatching(/^clients-bootstrap \(/),
      });
      expect(await db('client_history').pluck('client_id')).toEqual(['ho-admin']);
    });
  }, 60_000);

  it('lets that administrator onboard a partner through a production gateway, with a token from its own key', async () => {
    const { kid: _kid, ...keys } = await productionKeys(`${dataDir}-secrets`);
    const gateway = await startGatewayProcess({
      dataDir,
      databaseUrl: server?.url ?? null,
      env: { SANDBOX: 'false', ...keys },
    });
    try {
      const token = await runEntry('gateway/cli/token.ts', ['ho-admin', '--key', files.key], env);
      expect(token.code, token.stderr).toBe(0);
      const partner = await partnerKey('dwp-prod-2026-12');
      const res = await fetch(`${gateway.url}/v1/clients`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token.stdout.trim()}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: 'dwp-benefits-prod',
          party: 'dwp',
          displayName: 'DWP benefit eligibility',
          roles: ['partner'],
          jwks: jwksOf(partner),
          reason: 'MoU signed; onboarding ticket DWP-1',
        }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    } finally {
      await stopGatewayProcess(gateway);
    }
  }, 90_000);
});
