// Opens the database: a PostgreSQL server when DATABASE_URL is set, otherwise embedded PGlite.
import fs from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config.ts';

// Dates stay as 'YYYY-MM-DD' strings: a DATE has no time zone, and JS Dates would invent one.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

export type Db = Knex;

/** `startFrom` is a dump of an embedded cluster to begin with (tests use one to skip initdb). */
export function connect(config: Pick<Config, 'databaseUrl' | 'pgliteDir'>, startFrom?: Blob): Db {
  if (config.databaseUrl !== null) {
    return knexFactory({ client: 'pg', connection: config.databaseUrl, pool: { min: 0, max: 10 } });
  }
  if (config.pgliteDir !== null) fs.mkdirSync(config.pgliteDir, { recursive: true });
  return knexFactory({
    client: ClientPgLite,
    dialect: 'postgres',
    // knex-pglite accepts a factory for its PGlite instance; knex's own types do not know that shape.
    connection: (() => ({
      // PGlite ignores options passed after an undefined data directory, so the directory goes inside them.
      pglite: new PGlite({
        ...(config.pgliteDir === null ? {} : { dataDir: config.pgliteDir }),
        ...(startFrom ? { loadDataDir: startFrom } : {}),
        parsers: { [pgliteTypes.DATE]: (value: string) => value, [pgliteTypes.INT8]: (value: string) => Number(value) },
      }),
    })) as unknown as Knex.Config['connection'],
  });
}

/** Runs `work` with knex's own console warnings off: knex prints connection failures with their stack, where the caller says them once. */
export async function withoutKnexWarnings<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const logger = (db.client as { logger?: Record<string, unknown> }).logger;
  const saved = logger ? { warn: logger._warn, error: logger._error } : null;
  if (logger) logger._warn = logger._error = () => undefined;
  try {
    return await work();
  } finally {
    if (logger && saved) Object.assign(logger, { _warn: saved.warn, _error: saved.error });
  }
}
