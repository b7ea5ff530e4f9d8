// Opens the database the gateway would open (DATABASE_URL, or the embedded PGlite under the data directory) and
// checks it holds an audit log at this version, without creating or migrating anything.
import fs from 'node:fs';
import type { Knex } from 'knex';
import type { Config } from '../../platform/config.ts';
import { connect } from '../../platform/db/connect.ts';
import { DatabaseLockedError, lockEmbeddedDatabase } from '../../platform/db/embedded-lock.ts';
import { isDatabaseUnavailable } from '../../platform/db/unavailable.ts';
import { CliError } from './cli-error.ts';

export async function withDatabase<T>(config: Config, work: (db: Knex) => Promise<T>): Promise<T> {
  if (config.databaseUrl === null && (config.pgliteDir === null || !fs.existsSync(config.pgliteDir))) {
    throw new CliError(
      `there is no embedded database at ${config.pgliteDir ?? '(memory)'}: set GATEWAY_DATA_DIR (or PGLITE_DIR), or DATABASE_URL`,
    );
  }
  let lock: { release(): void } | null = null;
  if (config.databaseUrl === null && config.pgliteDir !== null) {
    try {
      lock = lockEmbeddedDatabase(config.pgliteDir, 'npm run audit');
    } catch (error) {
      // Exit 4, as the gateway's own for a database it cannot have (README, "Exit codes").
      if (error instanceof DatabaseLockedError)
        throw new CliError(error.message.replace(/^The embedded/, 'the embedded'), 4);
      throw error;
    }
  }
  const db = connect(config);
  // knex prints connection failures with their stack to stdout; here the failure is said once, in one line.
  const logger = (db.client as { logger?: Record<string, unknown> }).logger;
  if (logger) logger._warn = logger._error = () => undefined;
  try {
    let tables: { log: string | null; archives: string | null };
    try {
      tables = (
        await db.raw(`select to_regclass('audit_log')::text as log, to_regclass('audit_archives')::text as archives`)
      ).rows[0];
    } catch (error) {
      throw databaseError(error);
    }
    if (!tables.log)
      throw new CliError("this database holds no audit log: is DATABASE_URL (or GATEWAY_DATA_DIR) the gateway's?");
    if (!tables.archives)
      throw new CliError('this database is at an older version: start the gateway once so that it migrates it');
    return await work(db).catch((error: unknown) => {
      throw isDatabaseUnavailable(error) ? databaseError(error) : error;
    });
  } finally {
    await db.destroy().catch(() => undefined);
    lock?.release();
  }
}

function databaseError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  const code = (error as { code?: string }).code;
  // The URL is not repeated: it may hold a password.
  return new CliError(
    `cannot reach the database${code ? ` (${code})` : ''}: check DATABASE_URL, or that no gateway has the embedded database open`,
  );
}
