// The gateway as an operator runs it: `gateway/main.ts` in its own OS process, on a data directory (embedded
// PGlite) or a PostgreSQL database, with the sandbox partners on free ports. Tests can kill it as a crash would.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mintToken, readSigningKey } from '../../gateway/auth/sandbox-clients.ts';
import { loadConfig } from '../../gateway/config.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  token(clientId: string): Promise<string>;
  /** Resolves with the exit code or signal once the process has gone. */
  exited: Promise<string>;
  output(): string;
}

export interface ProcessOptions { dataDir: string; databaseUrl: string | null; env?: Record<string, string> }

export async function startGatewayProcess(options: ProcessOptions): Promise<GatewayProcess> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env: Record<string, string> = {
    ...(inherited as Record<string, string>),
    GATEWAY_PORT: '0', GATEWAY_DATA_DIR: options.dataDir, LOG_LEVEL: 'info',
    SANDBOX_DFE_PORT: '0', SANDBOX_DWP_PORT: '0', SANDBOX_HMRC_PORT: '0', SANDBOX_NHS_PORT: '0', SANDBOX_HOME_OFFICE_PORT: '0', SANDBOX_FINANCIAL_PORT: '0',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? String(code))));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the gateway did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      const match = /"port":(\d+)[^\n]*"msg":"gateway listening"/.exec(output);
      if (match) { clearTimeout(timer); resolve(Number(match[1])); }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((how) => { clearTimeout(timer); reject(new Error(`the gateway exited (${how}) before listening:\n${output}`)); });
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
