// The lock beside the embedded database: held while its holder runs, refused to anyone else naming the holder's pid,
// and taken over when stale (its pid gone, or this very pid from a previous life of the process).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseLockedError, lockEmbeddedDatabase, lockFileOf } from './embedded-lock.ts';

const dirs: string[] = [];
const pgliteDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-lock-'));
  dirs.push(dir);
  return path.join(dir, 'pglite');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const holdAs = (dir: string, pid: number) =>
  fs.writeFileSync(lockFileOf(dir), JSON.stringify({ pid, holder: 'a gateway', since: new Date().toISOString() }));

describe('the embedded database lock', () => {
  it('is a file in the data directory naming this process, removed on release', () => {
    const dir = pgliteDir();
    const lock = lockEmbeddedDatabase(dir, 'npm run audit');
    expect(JSON.parse(fs.readFileSync(path.join(path.dirname(dir), 'pglite.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
      holder: 'npm run audit',
    });
    lock.release();
    expect(fs.existsSync(lockFileOf(dir))).toBe(false);
  });

  it('is refused while a running process holds it, naming that process', () => {
    const dir = pgliteDir();
    holdAs(dir, process.ppid);
    expect(() => lockEmbeddedDatabase(dir, 'npm run audit')).toThrow(DatabaseLockedError);
    expect(() => lockEmbeddedDatabase(dir, 'npm run audit')).toThrow(`in use by a gateway (pid ${process.ppid})`);
  });

  it('is taken over from a process that is no longer running', () => {
    const dir = pgliteDir();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    holdAs(dir, gone);
    const lock = lockEmbeddedDatabase(dir, 'a gateway');
    expect(JSON.parse(fs.readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it("is taken over when it names this very pid (a restarted container's pid 1)", () => {
    const dir = pgliteDir();
    holdAs(dir, process.pid);
    expect(() => lockEmbeddedDatabase(dir, 'a gateway').release()).not.toThrow();
  });
});
