// The processes a bench run measures, each in its own OS process as in production: the sandbox partners, the
// gateway (gateway/main.ts) on a fresh PostgreSQL database, and the plain proxy baseline.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import knexFactory from 'knex';
import { mintToken, readSigningKey } from '../../gateway/auth/sandbox-clients.ts';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Running {
  child: ChildProcess;
  pid: number;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// A bench that fails half-way must not leave its processes holding the ports for the next run.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A TypeScript file runs through tsx; the gateway runs as production does, from the bundle `npm run build` makes. */
function run(script: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): ChildProcess {
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...nodeArgs, ...loader, script, ...args], {
    cwd: repo,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
}

async function firstLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += String(chunk);
      const line = seen.split('\n').find((l) => pattern.test(l));
      if (line) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`process exited (${code}) before it was ready:\n${seen}`)));
  });
}

async function healthy(url: string, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become healthy within ${seconds} s`);
}

export async function startSandboxProcess(firstPort: number): Promise<Running & { urls: Record<string, string> }> {
  const child = run('bench/sandbox-main.ts', [String(firstPort)]);
  const urls = JSON.parse(await firstLine(child, /^\{/)) as Record<string, string>;
  child.stdout!.resume();
  return { child, pid: child.pid!, urls, stop: stopper(child) };
}

export async function startPlainProxy(port: number, upstream: string): Promise<Running & { url: string }> {
  const child = run('bench/plain-proxy.ts', [String(port), upstream]);
  await firstLine(child, /plain proxy/);
  child.stdout!.resume();
  return { child, pid: child.pid!, url: `http://127.0.0.1:${port}`, stop: stopper(child) };
}

/** A fresh database on the server for one run, dropped afterwards. */
export async function benchDatabase(serverUrl: string) {
  const name = `gw_bench_${Date.now().toString(36)}`;
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}

export interface GatewayOptions {
  port: number;
  databaseUrl: string;
  upstreams: Record<string, string>;
  env?: Record<string, string>;
  /** Extra node flags, e.g. --cpu-prof to profile the gateway under a bench load. */
  nodeArgs?: string[];
}

export async function startGatewayProcess(
  options: GatewayOptions,
): Promise<Running & { url: string; dataDir: string; token(client: string): Promise<string> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-'));
  const env: Record<string, string> = {
    GATEWAY_PORT: String(options.port),
    GATEWAY_DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl,
    SANDBOX_PARTNERS: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DFE_UPSTREAM_URL: options.upstreams.dfe!,
    DWP_UPSTREAM_URL: options.upstreams.dwp!,
    HMRC_UPSTREAM_URL: options.upstreams.hmrc!,
    NHS_UPSTREAM_URL: options.upstreams.nhs!,
    HOME_OFFICE_UPSTREAM_URL: options.upstreams.homeOffice!,
    FINANCIAL_UPSTREAM_URL: options.upstreams.financial!,
    ...options.env,
  };
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
  const child = run('dist/gateway.mjs', [], env, ['--enable-source-maps', ...(options.nodeArgs ?? [])]);
  child.stdout!.resume();
  const url = `http://127.0.0.1:${options.port}`;
  await healthy(`${url}/ready`);
  const stop = stopper(child);
  return {
    child,
    pid: child.pid!,
    url,
    dataDir,
    token: (client) => mintToken(readSigningKey(dataDir, client), 'urn:uk-gov:data-sharing-gateway', 300),
    async stop() {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Resident set size of a process, in MB, from /proc. */
export const rssMb = (pid: number): number => statusKb(pid, 'VmRSS');

/** The largest resident set the process has had (VmHWM), in MB: the kernel's peak, which no sampling can miss. */
export const peakRssMb = (pid: number): number => statusKb(pid, 'VmHWM');

/** Resets VmHWM to the current RSS (writing 5 to clear_refs), so that a peak can be read for one phase alone. */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
