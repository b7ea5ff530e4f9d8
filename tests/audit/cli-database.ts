// A database that `npm run audit` in a child process can open as the gateway would: a new database on the
// PostgreSQL server (DATABASE_URL), or an embedded PGlite under a data directory of its own. Only one process may
// have a PGlite directory open, so on PGlite the test opens it only inside `use` and closes it before the CLI runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Knex } from 'knex';
import { inject } from 'vitest';
import { createAuditAppender } from '../../audit/append.ts';
import { createCheckpointer } from '../../audit/checkpoints.ts';
import { appendSampleEntries } from '../../audit/sample-entries.ts';
import { fileKeyRing } from '../../audit/signing-keys.ts';
import { connect } from '../../platform/db/connect.ts';
import { migrate } from '../../schema/migrations.ts';
import { runEntry, type CommandRun } from '../support/commands.ts';
import { openTestDatabase, serverUrl } from '../support/database.ts';

export interface CliDatabase {
  dataDir: string;
  keysDir: string;
  /** The environment the CLI (or a gateway) needs to open this database. */
  env: Record<string, string>;
  use<T>(work: (db: Knex) => Promise<T>): Promise<T>;
  /** Appends about n sample entries recorded at `at` (now by default) and signs a checkpoint over the log. */
  grow(n: number, at?: Date): Promise<void>;
  close(): Promise<void>;
}

export async function openCliDatabase(): Promise<CliDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-audit-cli-'));
  const keysDir = path.join(dataDir, 'audit-signing-keys');
  let use: CliDatabase['use'];
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  if (serverUrl !== null) {
    const database = await openTestDatabase();
    await migrate(database.db);
    env = { GATEWAY_DATA_DIR: dataDir, DATABASE_URL: database.url! };
    use = (work) => work(database.db);
    drop = () => database.drop();
  } else {
    const pgliteDir = path.join(dataDir, 'pglite');
    const template = inject('pgliteTemplate');
    // Start from the run's empty cluster rather than initdb; the directory then opens as any other.
    if (template)
      await (await PGlite.create({ dataDir: pgliteDir, loadDataDir: new Blob([fs.readFileSync(template)]) })).close();
    const first = connect({ databaseUrl: null, pgliteDir });
    await migrate(first);
    await first.destroy();
    env = { GATEWAY_DATA_DIR: dataDir };
    use = async (work) => {
      const db = connect({ databaseUrl: null, pgliteDir });
      try {
        return await work(db);
      } finally {
        await db.destroy();
      }
    };
    drop = async () => undefined;
  }
  return {
    dataDir,
    keysDir,
    env,
    use,
    grow: (n, at) =>
      use(async (db) => {
        const clock = at ? () => at : undefined;
        await appendSampleEntries(createAuditAppender(db, clock), n, 25);
        await createCheckpointer(db, fileKeyRing(keysDir), {
          every: 1_000_000,
          seconds: 0,
          ...(clock ? { clock } : {}),
        }).checkpointNow();
      }),
    async close() {
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `npm run audit -- <args>` as a child process, with the environment given (and no DATABASE_URL unless given). */
export const runCli = (args: string[], env: Record<string, string>): Promise<CommandRun> =>
  runEntry('audit/cli/main.ts', args, env);
