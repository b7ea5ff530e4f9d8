// Issue 13, "Sandbox and production apart": a production start (SANDBOX=false) takes the audit HMAC key and the
// checkpoint signing key from its settings (AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE, AUDIT_SIGNING_KEYS_DIR) and never
// makes them: without them it refuses to start, exit 2, naming each missing setting and writing nothing. A sandbox
// start keeps making its own (tests/operations/production-start.test.ts starts one with none given).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exitCodes } from '../../platform/start-up.ts';
import { runEntry, stackFrame } from '../support/commands.ts';
import { startGatewayProcess, stopGatewayProcess } from '../support/gateway-process.ts';
import { productionKeys } from '../support/production-keys.ts';

let root: string;
let dataDir: string;
beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-prod-keys-'));
  dataDir = path.join(root, 'data');
  fs.mkdirSync(dataDir);
  const template = inject('pgliteTemplate');
  if (template)
    await (
      await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([fs.readFileSync(template)]) })
    ).close();
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const start = (env: Record<string, string>) =>
  runEntry('gateway/main.ts', [], {
    GATEWAY_DATA_DIR: dataDir,
    GATEWAY_PORT: '0',
    SANDBOX: 'false',
    LOG_LEVEL: 'warn',
    ...env,
  });
const written = () => fs.readdirSync(dataDir).filter((name) => name !== 'pglite');

describe('a production start and its keys', () => {
  it('refuses to start without them, exit 2, naming both settings, and writes no key', async () => {
    const run = await start({});
    expect(run.code, run.stderr).toBe(exitCodes.settings);
    expect(run.stderr).toMatch(/^A production start \(SANDBOX=false\) cannot start/);
    expect(run.stderr).toContain('AUDIT_HMAC_KEY or AUDIT_HMAC_KEY_FILE must be set');
    expect(run.stderr).toContain('AUDIT_SIGNING_KEYS_DIR must be set');
    expect(run.stderr).toContain('npm run --silent audit -- rotate-key');
    expect(run.stderr).toContain('CALLBACK_SIGNING_KEYS_DIR must be set');
    expect(run.stderr).toContain('npm run --silent callback-keys -- rotate-key');
    expect(run.stdout + run.stderr).not.toMatch(stackFrame);
    expect(written()).toEqual([]);
  }, 60_000);

  it('refuses a key file too short to be a key, and a signing-key directory with no key in it', async () => {
    const short = path.join(root, 'short.key');
    fs.writeFileSync(short, randomBytes(8).toString('base64'));
    const empty = path.join(root, 'no-keys-yet');
    fs.mkdirSync(empty);
    const run = await start({ AUDIT_HMAC_KEY_FILE: short, AUDIT_SIGNING_KEYS_DIR: empty });
    expect(run.code).toBe(exitCodes.settings);
    expect(run.stderr).toContain(`AUDIT_HMAC_KEY_FILE (${short}) must hold at least 32 bytes`);
    expect(run.stderr).toContain(`AUDIT_SIGNING_KEYS_DIR (${empty}) holds no checkpoint signing key`);
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(written()).toEqual([]);
  }, 60_000);

  it('starts with them, signs its checkpoints with the key it was given, and writes none of its own', async () => {
    const { kid, ...keys } = await productionKeys(path.join(root, 'secrets'));
    const gateway = await startGatewayProcess({ dataDir, databaseUrl: null, env: { SANDBOX: 'false', ...keys } });
    try {
      const published = (await (await fetch(`${gateway.url}/.well-known/audit-keys.json`)).json()) as {
        keys: { kid: string }[];
      };
      expect(published.keys.map((k) => k.kid)).toEqual([kid]);
    } finally {
      await stopGatewayProcess(gateway);
    }
    expect(await gateway.exited).toBe(String(exitCodes.stopped));
    expect(written()).toEqual([]);
    expect(fs.readdirSync(keys.AUDIT_SIGNING_KEYS_DIR).filter((name) => name.endsWith('.jwk'))).toHaveLength(1);
  }, 90_000);
});
