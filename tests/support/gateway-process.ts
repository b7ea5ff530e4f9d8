// The gateway as an operator runs it: `gateway/main.ts` in its own OS process, on a data directory (embedded
// PGlite) or a PostgreSQL database, with the sandbox partners on free ports. Tests can kill it as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintToken, readSigningKey } from '../../gateway/auth/sandbox-clients.ts';
import { loadConfig } from '../../platform/config.ts';
import { completedForSignature } from './register.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  token(clientId: string): Promise<string>;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<string>;
  output(): string;
}

export interface ProcessOptions {
  dataDir: string;
  databaseUrl: string | null;
  env?: Record<string, string>;
}

export async function startGatewayProcess(options: ProcessOptions): Promise<GatewayProcess> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: Record<string, string> = {
    ...(inherited as Record<string, string>),
    GATEWAY_PORT: '0',
    GATEWAY_DATA_DIR: options.dataDir,
    LOG_LEVEL: 'info',
    SANDBOX_DFE_PORT: '0',
    SANDBOX_DWP_PORT: '0',
    SANDBOX_HMRC_PORT: '0',
    SANDBOX_NHS_PORT: '0',
    SANDBOX_HOME_OFFICE_PORT: '0',
    SANDBOX_FINANCIAL_PORT: '0',
    SANDBOX_IDP_PORT: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? String(code))),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /"port":(\d+)[^\n]*"msg":"gateway listening"/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the gateway exited (${how}) before listening:\n${output}`));
    });
  });
  const audience = loadConfig(env).audience;
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    exited,
    output: () => output,
    token: (clientId) => mintToken(readSigningKey(options.dataDir, clientId), audience),
  };
}

export interface Answer {
  status: number;
  body: any;
}
export type ProcessCaller = ReturnType<typeof processCaller>;

/** A client calling a gateway process over HTTP with a token of its own, as a partner system would. */
export function processCaller(gateway: Pick<GatewayProcess, 'url' | 'token'>, clientId: string) {
  let token: Promise<string> | undefined;
  const call = async (method: string, path: string, body?: unknown): Promise<Answer> => {
    const headers: Record<string, string> = { authorization: `Bearer ${await (token ??= gateway.token(clientId))}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(gateway.url + path, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    put: (path: string, body: unknown) => call('PUT', path, body),
  };
}

/** Stops the process as an operator would (SIGTERM), and waits until it has gone. */
export async function stopGatewayProcess(gateway: GatewayProcess | null | undefined): Promise<void> {
  if (!gateway || gateway.child.exitCode !== null || gateway.child.signalCode !== null) return;
  gateway.child.kill('SIGTERM');
  await gateway.exited;
}

/**
 * Through the register API, as a registry administrator: a new agreement beside an existing version, with its
 * terms changed by `change` in an amended draft, signed by every party and in force from `day` (how a lower cap is put in place).
 */
export async function adoptTermsThrough(
  admin: ProcessCaller,
  from: { agreementId: string; version: string },
  to: { agreementId: string; version: string; day: string },
  change: (terms: Record<string, any>) => Record<string, any> = (t) => t,
): Promise<Record<string, any>> {
  const expectStatus = (answer: Answer, status: number, what: string) => {
    if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const source = expectStatus(
    await admin.get(`/v1/register/agreements/${from.agreementId}/versions/${from.version}`),
    200,
    'source version',
  );
  const { signatures: _s, suspensions: _u, terminatedOn: _t, ...terms } = source.version;
  const collaborationId = expectStatus(
    await admin.get(`/v1/register/agreements/${from.agreementId}/versions`),
    200,
    'source agreement',
  ).agreement.collaborationId;
  expectStatus(
    await admin.post('/v1/register/agreements', {
      id: to.agreementId,
      collaborationId,
      kind: terms.kind,
      title: `${terms.title} (${to.agreementId})`,
    }),
    201,
    'agreement',
  );
  // Drafted as the source stands, then amended: the draft is replaced before anyone signs it.
  const draft = { ...terms, agreementId: to.agreementId, version: to.version, inForceFrom: to.day, inForceTo: null };
  expectStatus(await admin.post(`/v1/register/agreements/${to.agreementId}/versions`, draft), 201, 'draft');
  const body = completedForSignature(change(draft));
  expectStatus(
    await admin.put(`/v1/register/agreements/${to.agreementId}/versions/${to.version}`, body),
    200,
    'amended draft',
  );
  for (const party of body.parties as string[]) {
    expectStatus(
      await admin.post(`/v1/register/agreements/${to.agreementId}/versions/${to.version}/signatures`, {
        party,
        signatory: `Senior owner for ${party}`,
        signedOn: to.day,
      }),
      200,
      `signature of ${party}`,
    );
  }
  return body;
}
