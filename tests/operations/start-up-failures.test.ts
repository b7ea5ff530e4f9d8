// A start that cannot succeed, as an operator meets it: `gateway/main.ts` in its own process says why in one line
// that names what to change, and exits with the code README.md documents (2 settings, 3 port, 4 database), never
// with a stack trace.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodes } from '../../platform/start-up.ts';
import { openCliDatabase, type CliDatabase } from '../audit/cli-database.ts';
import { runEntry, stackFrame, type CommandRun } from '../support/commands.ts';
import { productionKeys } from '../support/production-keys.ts';

let database: CliDatabase;
let holder: net.Server;
let taken: number;
let secrets: string;
/** What a production start needs beyond the defaults: its keys from settings. */
let production: Record<string, string>;

beforeAll(async () => {
  database = await openCliDatabase();
  secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-secrets-'));
  const { kid: _kid, ...keys } = await productionKeys(secrets);
  production = { SANDBOX: 'false', ...keys };
  // Something else already listens here, as a first gateway would.
  holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  taken = (holder.address() as net.AddressInfo).port;
}, 120_000);
afterAll(async () => {
  await new Promise<void>((resolve) => holder.close(() => resolve()));
  await database.close();
  fs.rmSync(secrets, { recursive: true, force: true });
});

const anyFreePorts = {
  GATEWAY_PORT: '0',
  SANDBOX_DFE_PORT: '0',
  SANDBOX_DWP_PORT: '0',
  SANDBOX_HMRC_PORT: '0',
  SANDBOX_NHS_PORT: '0',
  SANDBOX_HOME_OFFICE_PORT: '0',
  SANDBOX_FINANCIAL_PORT: '0',
  SANDBOX_IDP_PORT: '0',
};
const start = (env: Record<string, string>) =>
  runEntry('gateway/main.ts', [], { ...database.env, ...anyFreePorts, LOG_LEVEL: 'warn', ...env });

function saidInOneLine(run: CommandRun, exitCode: number): string {
  expect(run.code, run.stderr).toBe(exitCode);
  expect(run.stderr).toMatch(/^[^\n]+\n$/);
  expect(run.stdout + run.stderr).not.toMatch(stackFrame);
  return run.stderr;
}

describe('a gateway that cannot start', () => {
  it('names GATEWAY_PORT when its port is taken', async () => {
    const line = saidInOneLine(await start({ GATEWAY_PORT: String(taken), ...production }), exitCodes.port);
    expect(line).toBe(
      `The gateway cannot listen on 127.0.0.1:${taken} (EADDRINUSE): the port is already in use. Set GATEWAY_PORT to a free port, or stop the gateway already running there.\n`,
    );
  }, 120_000);

  it("names the sandbox's setting when a sandbox port is taken", async () => {
    const line = saidInOneLine(await start({ SANDBOX_DWP_PORT: String(taken) }), exitCodes.port);
    expect(line).toMatch(
      new RegExp(
        `^The DWP sandbox cannot listen on 127\\.0\\.0\\.1:${taken} \\(EADDRINUSE\\).* Set SANDBOX_DWP_PORT to a free port, or SANDBOX_PARTNERS=false `,
      ),
    );
  }, 120_000);

  it('names the database server it cannot reach, and never the password', async () => {
    const run = await start({ DATABASE_URL: 'postgres://gateway:hunter2-not-for-logs@127.0.0.1:1/gateway' });
    const line = saidInOneLine(run, exitCodes.database);
    expect(line).toMatch(
      /^The gateway cannot reach its database at 127\.0\.0\.1:1 \(ECONNREFUSED\): check that PostgreSQL is running there/,
    );
    expect(line).toContain('DATABASE_URL');
    expect(run.stdout + run.stderr).not.toContain('hunter2');
  }, 120_000);

  it('lists what is wrong with its settings', async () => {
    const run = await start({ GATEWAY_PORT: 'eighty' });
    expect(run.code).toBe(exitCodes.settings);
    expect(run.stderr).toContain('GATEWAY_PORT must be a whole number from 0 to 65535, not "eighty"');
    expect(run.stderr).not.toMatch(stackFrame);
  }, 120_000);
});
