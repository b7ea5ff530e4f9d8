// The embedded database (PGlite) admits one process: two opening the same directory would each write back their own
// copy and corrupt it. So whoever opens it (the gateway, the audit CLI, register:load-default, clients-bootstrap)
// first takes a lock file beside it, `<pglite dir>.lock`, holding its pid. A lock whose pid is no longer running
// (a process killed with SIGKILL, a power cut) is stale and taken over; so is one holding this very pid, which can
// only be a previous life of this process (a container's pid 1 after a restart).
import fs from 'node:fs';
import path from 'node:path';

export class DatabaseLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly holder: string,
    readonly lockFile: string,
  ) {
    super(
      `The embedded database is in use by ${holder} (pid ${pid}): stop it first (PGlite admits one process), or use DATABASE_URL. ` +
        `If no such process is running, delete ${lockFile}.`,
    );
  }
}

interface Holder {
  pid: number;
  holder: string;
  since: string;
}

export const lockFileOf = (pgliteDir: string) => `${path.resolve(pgliteDir)}.lock`;

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): Holder | null {
  try {
    const held = JSON.parse(fs.readFileSync(file, 'utf8')) as Holder;
    return Number.isInteger(held.pid) && held.pid > 0 ? held : null;
  } catch {
    return null;
  }
}

/** Takes the lock for `holder` (e.g. "the gateway"), or throws DatabaseLockedError naming who has it. */
export function lockEmbeddedDatabase(pgliteDir: string, holder: string): { release(): void } {
  const file = lockFileOf(pgliteDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine = JSON.stringify({ pid: process.pid, holder, since: new Date().toISOString() } satisfies Holder);
  try {
    fs.writeFileSync(file, mine, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const held = readHolder(file);
    if (held && alive(held.pid)) throw new DatabaseLockedError(held.pid, held.holder, file);
    // Stale: replaced in one rename, then read back, so that of two processes taking over at once only one wins.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, mine, { mode: 0o600 });
    fs.renameSync(temporary, file);
    const now = readHolder(file);
    if (now?.pid !== process.pid) throw new DatabaseLockedError(now?.pid ?? 0, now?.holder ?? 'another process', file);
  }
  const release = () => {
    if (readHolder(file)?.pid === process.pid) fs.rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return { release };
}
