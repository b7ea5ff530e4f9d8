// `npm run token -- <client>` as a newcomer runs it: a token for a sandbox client on stdout, the usage when asked
// for (stdout, exit 0) or after a mistake (stderr, exit 2), never a flag taken for a client id.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysDir } from '../../gateway/auth/sandbox-clients.ts';
import { runEntry, stackFrame } from '../support/commands.ts';

const token = (args: string[], env: Record<string, string> = {}) =>
  runEntry('gateway/cli/token.ts', args, { GATEWAY_DATA_DIR: dataDir, ...env });
let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-token-cli-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run token', () => {
  it.each([['--help'], ['-h']])('prints the usage on stdout and exits 0 for %s', async (flag) => {
    const run = await token([flag]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: npm run --silent token -- <client-id>/);
  });

  it.each([[[]], [['--bogus']]])('prints the usage on stderr and exits 2 for %j', async (args) => {
    const run = await token(args);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(/^usage: npm run --silent token -- <client-id>/);
  });

  it('says in one line that there are no keys yet', async () => {
    const run = await token(['dpo'], { GATEWAY_DATA_DIR: path.join(dataDir, 'never-started') });
    expect(run).toMatchObject({
      code: 1,
      stdout: '',
      stderr: 'No client keys yet: start the gateway once with `npm start`\n',
    });
    expect(run.stderr).not.toMatch(stackFrame);
  });

  it("prints a token signed with the client's key", async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    fs.mkdirSync(keysDir(dataDir), { recursive: true });
    fs.writeFileSync(
      path.join(keysDir(dataDir), 'dpo.json'),
      JSON.stringify({ clientId: 'dpo', kid: 'dpo-test', privateJwk: await exportJWK(privateKey) }),
    );
    const run = await token(['dpo']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const jwt = run.stdout.trim();
    expect(decodeProtectedHeader(jwt).kid).toBe('dpo-test');
    const { payload } = await jwtVerify(jwt, publicKey, {
      issuer: 'dpo',
      subject: 'dpo',
      audience: 'urn:uk-gov:data-sharing-gateway',
    });
    expect(payload.jti).toBeTruthy();
  });
});
