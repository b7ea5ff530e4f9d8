// Why the gateway did not start, said in one line an operator can act on, and the exit code a supervisor sees.
// README.md ("Exit codes") documents the codes; a fault not listed here keeps its stack trace and exits 1.
import { ConfigError, loadConfig, type Config } from './config.ts';
import { SchemaBehindError } from './db/migrate.ts';
import { DatabaseLockedError, lockEmbeddedDatabase } from './db/embedded-lock.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import { PortUnavailableError } from './http/listen.ts';

export const exitCodes = {
  /** Stopped by SIGINT or SIGTERM. */
  stopped: 0,
  /** A fault: the output holds its stack trace. */
  fault: 1,
  /** A setting is wrong, or the schema is behind and the gateway's role may not migrate it. */
  settings: 2,
  /** A port the gateway or a sandbox needs is taken, or not this user's to take. */
  port: 3,
  /** The database cannot be reached, or refuses the gateway's login, or the embedded one is held by another process. */
  database: 4,
  /** A production start (SANDBOX=false) found sandbox clients in its database. */
  sandboxData: 5,
  /** Stopped by a signal, but requests were still in flight when SHUTDOWN_DEADLINE_MS passed. */
  shutdownDeadline: 6,
} as const;

export interface StartFailure {
  message: string;
  exitCode: number;
}

/** A refusal to start that a folder above the platform defines, with its exit code (gateway/production-start.ts). */
export class StartRefusedError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

export function whyNotStarted(config: Pick<Config, 'databaseUrl'> | null, error: unknown): StartFailure | null {
  if (error instanceof ConfigError || error instanceof SchemaBehindError)
    return { message: error.message, exitCode: exitCodes.settings };
  if (error instanceof PortUnavailableError) return { message: error.message, exitCode: exitCodes.port };
  if (error instanceof StartRefusedError) return { message: error.message, exitCode: error.exitCode };
  if (error instanceof DatabaseLockedError) return { message: error.message, exitCode: exitCodes.database };
  const database = config?.databaseUrl ? databaseProblem(config.databaseUrl, error) : null;
  return database ? { message: database, exitCode: exitCodes.database } : null;
}

/** The server and what is wrong, never the URL itself: it may hold a password. */
function databaseProblem(databaseUrl: string, error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  const where = serverOf(databaseUrl);
  if (isDatabaseUnavailable(error)) {
    return (
      `The gateway cannot reach its database at ${where} (${typeof code === 'string' ? code : 'no answer'}): ` +
      'check that PostgreSQL is running there and accepts connections from this host, and that DATABASE_URL names the right host and port.'
    );
  }
  // SQLSTATE 28P01 wrong password, 28000 no such role or not allowed from this host, 3D000 no such database.
  if (code === '28P01' || code === '28000')
    return `The database at ${where} refused the gateway's login (${code}): check the user name and password in DATABASE_URL.`;
  if (code === '3D000')
    return `The database server at ${where} has no database of the name in DATABASE_URL (3D000): create it, or correct the name.`;
  return null;
}

function serverOf(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    return `${url.hostname || url.searchParams.get('host') || 'localhost'}:${url.port || '5432'}`;
  } catch {
    return 'the server in DATABASE_URL';
  }
}

/** The settings, or one line saying which are wrong and the exit code for it: how every entry point starts. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (error) {
    const failure = whyNotStarted(null, error);
    if (!failure) throw error;
    console.error(failure.message);
    return process.exit(failure.exitCode);
  }
}

/**
 * On the embedded database, the lock beside it for `holder` (released when the process exits), or one line naming
 * the process that holds it and exit code 4. On PostgreSQL nothing: any number of processes share a server.
 */
export function lockEmbeddedOrExit(
  config: Pick<Config, 'databaseUrl' | 'pgliteDir'>,
  holder: string,
): { release(): void } | null {
  if (config.databaseUrl !== null || config.pgliteDir === null) return null;
  try {
    return lockEmbeddedDatabase(config.pgliteDir, holder);
  } catch (error) {
    const failure = whyNotStarted(config, error);
    if (!failure) throw error;
    console.error(failure.message);
    return process.exit(failure.exitCode);
  }
}
