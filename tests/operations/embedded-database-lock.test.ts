// Issue 13: "the audit CLI opens the embedded database while the gateway has it open". PGlite admits one process;
// now the gateway holds a lock beside it, and the audit CLI and a second gateway on the same data directory are each
// refused in one line naming the gateway's pid, with exit code 4 (README.md, "Exit codes"). Once the gateway has
// stopped, the audit CLI opens the database as before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exitCodes } from '../../platform/start-up.ts';
import { runEntry, stackFrame } from '../support/commands.ts';
import { startGatewayProcess, stopGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts';

let dataDir: string;
let gateway: GatewayProcess | null = null;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-locked-'));
  const template = inject('pgliteTemplate');
  if (template)
    await (
      await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([fs.readFileSync(template)]) })
    ).close();
}, 60_000);
afterAll(async () => {
  await stopGatewayProcess(gateway);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded database while a gateway holds it', () => {
  it('refuses the audit CLI and a second gateway in one line each, exit 4; after the gateway stops the CLI works', async () => {
    gateway = await startGatewayProcess({ dataDir, databaseUrl: null });
    const pid = gateway.child.pid!;

    const jwks = `${gateway.url}/.well-known/audit-keys.json`;
    const audit = await runEntry('audit/cli/main.ts', ['verify', '--jwks', jwks], { GATEWAY_DATA_DIR: dataDir });
    expect(audit.code, audit.stderr).toBe(exitCodes.database);
    expect(audit.stderr).toMatch(
      new RegExp(
        `^verify: the embedded database is in use by a gateway \\(pid ${pid}\\)[^\\n]*DATABASE_URL[^\\n]*\\n$`,
      ),
    );

    const second = await runEntry('gateway/main.ts', [], {
      GATEWAY_DATA_DIR: dataDir,
      GATEWAY_PORT: '0',
      SANDBOX_PARTNERS: 'false',
      LOG_LEVEL: 'warn',
    });
    expect(second.code).toBe(exitCodes.database);
    expect(second.stderr).toMatch(
      new RegExp(`^The embedded database is in use by a gateway \\(pid ${pid}\\)[^\\n]*\\n$`),
    );
    expect(audit.stdout + audit.stderr + second.stdout + second.stderr).not.toMatch(stackFrame);

    await stopGatewayProcess(gateway);
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
    const after = await runEntry('audit/cli/main.ts', ['verify'], { GATEWAY_DATA_DIR: dataDir });
    expect(after.code, after.stderr).toBe(0);
  }, 120_000);
});
