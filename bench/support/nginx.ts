// The second baseline: Debian's nginx as a reverse proxy to the same partner sandbox, the fastest proxy a
// department could put in the gateway's place. The bench installs it when it is missing, runs it from a config
// in a temp dir (its own pid file, logs and temp paths, in the foreground) on loopback only, and stops it after.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const nginxBin = '/usr/sbin/nginx';

export type NginxAvailability =
  | { present: true; version: string; installedSeconds: number | null }
  | { present: false; reason: string };

/**
 * nginx, installed from Debian's packages if absent. The install is given `timeoutSeconds`; if it has not
 * finished by then it is left to finish in the background (killing apt or dpkg half-way would leave the
 * machine's packages broken) and the bench goes on without nginx.
 */
export async function ensureNginx(timeoutSeconds: number, log: (line: string) => void): Promise<NginxAvailability> {
  if (fs.existsSync(nginxBin)) return { present: true, version: nginxVersion(), installedSeconds: null };
  if (process.getuid?.() !== 0) return { present: false, reason: 'not installed, and the bench is not root' };
  const logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-apt-')), 'apt.log');
  log(`  nginx absent: installing Debian's (up to ${timeoutSeconds} s, log ${logFile})`);
  const out = fs.openSync(logFile, 'a');
  // A policy-rc.d that forbids starting services keeps the package's postinst from starting the stock nginx on
  // port 80 of every address: the bench runs nginx itself, on loopback only. One already there is left alone.
  const script = [
    'made=; if [ ! -e /usr/sbin/policy-rc.d ]; then printf "#!/bin/sh\\nexit 101\\n" > /usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && made=1; fi',
    'apt-get update -qq && apt-get install -y -qq nginx; rc=$?',
    '[ -n "$made" ] && rm -f /usr/sbin/policy-rc.d',
    'exit $rc',
  ].join('\n');
  const started = Date.now();
  const child = spawn('sh', ['-c', script], {
    detached: true,
    stdio: ['ignore', out, out],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  fs.closeSync(out);
  const code = await new Promise<number | null | 'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), timeoutSeconds * 1000);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
    child.once('error', () => {
      clearTimeout(timer);
      resolve(null);
    });
  });
  if (code === 'timeout') {
    child.unref();
    return {
      present: false,
      reason: `install still running after ${timeoutSeconds} s (left to finish; log ${logFile})`,
    };
  }
  if (code !== 0 || !fs.existsSync(nginxBin))
    return { present: false, reason: `install failed (exit ${code}; log ${logFile})` };
  fs.rmSync(path.dirname(logFile), { recursive: true, force: true });
  return { present: true, version: nginxVersion(), installedSeconds: Math.round((Date.now() - started) / 1000) };
}

function nginxVersion(): string {
  // `nginx -v` prints to stderr: "nginx version: nginx/1.22.1".
  const { stdout, stderr } = spawnSync(nginxBin, ['-v'], { encoding: 'utf8' });
  return /nginx\/(\S+)/.exec(`${stdout}${stderr}`)?.[1] ?? 'unknown';
}

/** One worker, as the Node proxy and the gateway are each one process; keepalive to the partner, as they have. */
function config(dir: string, port: number, upstream: URL): string {
  return `
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # The load generators reuse their connections for the whole run, as they do with the other servers.
  keepalive_requests 1000000;
  upstream partner {
    server ${upstream.hostname}:${upstream.port};
    keepalive 64;
    keepalive_requests 1000000;
    # Below Node's own 5 s keep-alive, so nginx never sends on a connection the sandbox is closing.
    keepalive_timeout 4s;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://partner;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`;
}

export interface RunningNginx {
  pid: number;
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(port: number, upstreamOrigin: string): Promise<RunningNginx> {
  const upstream = new URL(upstreamOrigin);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(upstream.hostname))
    throw new Error(`nginx proxies to loopback only, not ${upstreamOrigin}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-bench-nginx-'));
  fs.chmodSync(dir, 0o755); // the worker runs as nobody and must reach its temp paths
  fs.writeFileSync(path.join(dir, 'nginx.conf'), config(dir, port, upstream));
  // -e: the error log before the config is read, so nothing is written under /var/log/nginx.
  const child: ChildProcess = spawn(
    nginxBin,
    ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  // SIGTERM, not SIGKILL, if the bench dies: the master then stops its worker, which would otherwise keep the port.
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${readLog(dir)}`);
    try {
      await fetch(url);
      break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`nginx did not listen on ${url} within 10 s:\n${readLog(dir)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid: child.pid!,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        process.removeListener('exit', onExit);
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

const readLog = (dir: string) => {
  try {
    return fs.readFileSync(path.join(dir, 'error.log'), 'utf8');
  } catch {
    return '(no error log)';
  }
};
