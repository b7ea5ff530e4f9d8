// Two PostgreSQL servers started from Debian's binaries: a primary and a standby that streams its WAL and is named
// in the primary's synchronous_standby_names, so that a commit returns only once the standby has it on disk. Both
// live in one temporary directory owned by the `postgres` OS user (PostgreSQL refuses to run as root), on free ports.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
const bin = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const standbyName = 'standby';

export interface Server {
  name: string;
  port: number;
  dir: string;
  url(database?: string): string;
}

export interface PostgresPair {
  primary: Server;
  standby: Server;
  /** The loss of the primary's host: the postmaster and every backend killed with SIGKILL at once. */
  killPrimary(): Promise<number>;
  /** `pg_ctl promote`, then waits until the standby accepts writes. */
  promoteStandby(): Promise<void>;
  /**
   * After the failover, the lost primary's disk brought up alone on a new port (crash recovery, no standby), to read
   * what it had committed locally that its standby never acknowledged. In production it is rewound, never served.
   */
  startLostPrimaryAlone(): Promise<Server>;
  /** Stops what still runs (immediate shutdown) and removes the directory, whatever state things are in. */
  destroy(): Promise<void>;
}

/** Runs a PostgreSQL binary as the `postgres` user when we are root, as ourselves otherwise. */
async function asPostgres(program: string, args: string[]) {
  const [file, argv] =
    process.getuid?.() === 0
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
  try {
    return await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as Error & { stderr?: string };
    throw new Error(`${program} ${args.join(' ')} failed: ${e.stderr?.trim() || e.message}`, { cause: error });
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const serverAt = (name: string, port: number, dir: string): Server => ({
  name,
  port,
  dir,
  url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
});

async function query<T>(server: Server, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: server.url(), connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function until<T>(what: string, seconds: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const settings = (lines: Record<string, string | number>) =>
  `\n${Object.entries(lines)
    .map(([k, v]) => `${k} = ${typeof v === 'number' ? v : `'${v}'`}`)
    .join('\n')}\n`;

const postmasterPid = (server: Server) =>
  Number(fs.readFileSync(path.join(server.dir, 'postmaster.pid'), 'utf8').split('\n')[0]);

function isRunning(server: Server): boolean {
  try {
    process.kill(postmasterPid(server), 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts the pair and creates `database` once the standby is synchronous, so that even its creation is replicated. */
export async function startPostgresPair(database: string): Promise<PostgresPair> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-failover-pg-'));
  if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', root]);
  const primary = serverAt('primary', await freePort(), path.join(root, 'primary'));
  const standby = serverAt('standby', await freePort(), path.join(root, 'standby'));
  const started: Server[] = [];
  const pgCtl = (server: Server, ...args: string[]) =>
    asPostgres('pg_ctl', ['-D', server.dir, '-l', path.join(root, `${server.name}.log`), ...args]);

  const destroy = async () => {
    for (const server of started)
      if (isRunning(server)) await pgCtl(server, '-m', 'immediate', 'stop').catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await asPostgres('initdb', [
      '-D',
      primary.dir,
      '-U',
      'postgres',
      '-A',
      'trust',
      '-E',
      'UTF8',
      '--locale=C',
      '--no-instructions',
    ]);
    fs.appendFileSync(
      path.join(primary.dir, 'postgresql.conf'),
      settings({
        listen_addresses: '127.0.0.1',
        port: primary.port,
        unix_socket_directories: root,
        max_connections: 60,
        shared_buffers: '64MB',
        wal_level: 'replica',
        max_wal_senders: 4,
        wal_keep_size: '256MB',
        hot_standby: 'on',
        synchronous_commit: 'on',
        synchronous_standby_names: `FIRST 1 (${standbyName})`,
      }),
    );
    await pgCtl(primary, '-w', 'start');
    started.push(primary);

    await asPostgres('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(primary.port),
      '-U',
      'postgres',
      '-D',
      standby.dir,
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    // The standby names itself in its connection, and, once promoted, waits for no standby of its own.
    fs.appendFileSync(
      path.join(standby.dir, 'postgresql.conf'),
      settings({
        port: standby.port,
        synchronous_standby_names: '',
        primary_conninfo: `host=127.0.0.1 port=${primary.port} user=postgres application_name=${standbyName}`,
      }),
    );
    fs.writeFileSync(path.join(standby.dir, 'standby.signal'), '');
    if (process.getuid?.() === 0) await run('chown', ['-R', 'postgres:postgres', standby.dir]);
    await pgCtl(standby, '-w', 'start');
    started.push(standby);

    await until('the standby becoming synchronous', 30, async () => {
      const rows = await query<{ sync_state: string }>(
        primary,
        `select sync_state from pg_stat_replication where application_name = '${standbyName}' and state = 'streaming'`,
      );
      return rows[0]?.sync_state === 'sync' ? true : undefined;
    });
    await query(primary, `create database ${database}`);
  } catch (error) {
    await destroy();
    throw error;
  }

  return {
    primary,
    standby,
    async killPrimary() {
      const pid = postmasterPid(primary);
      const { stdout } = await run('pgrep', ['-P', String(pid)]).catch(() => ({ stdout: '' }));
      const pids = [pid, ...stdout.split('\n').filter(Boolean).map(Number)];
      for (const p of pids) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      await until("the primary's processes exiting", 10, async () =>
        pids.some((p) => {
          try {
            process.kill(p, 0);
            return true;
          } catch {
            return false;
          }
        })
          ? undefined
          : true,
      );
      return pids.length;
    },
    async promoteStandby() {
      await pgCtl(standby, '-w', 'promote');
      await until('the promoted standby accepting writes', 30, async () =>
        (await query<{ r: boolean }>(standby, 'select pg_is_in_recovery() as r'))[0]?.r === false ? true : undefined,
      );
    },
    async startLostPrimaryAlone() {
      const alone = serverAt('primary', await freePort(), primary.dir);
      fs.appendFileSync(
        path.join(primary.dir, 'postgresql.conf'),
        settings({ port: alone.port, synchronous_standby_names: '' }),
      );
      await pgCtl(alone, '-w', 'start');
      return alone;
    },
    destroy,
  };
}
