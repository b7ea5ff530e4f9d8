// A new, empty database, gone after drop(): in-memory PGlite, or a database of its own on the PostgreSQL server
// named by serverUrl. The tests open one per file (tests/support/database.ts); audit/bench-verify.ts one per run.
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { connect } from './connect.ts';

export interface ScratchDatabase {
  db: Knex;
  kind: 'pglite' | 'postgresql';
  url: string | null;
  drop(): Promise<void>;
}

/** `pgliteTemplate`: an empty cluster to start PGlite from, which is quicker than making one. */
export async function openScratchDatabase(serverUrl: string | null, pgliteTemplate?: Blob): Promise<ScratchDatabase> {
  if (serverUrl === null) {
    const db = connect({ databaseUrl: null, pgliteDir: null }, pgliteTemplate);
    return { db, kind: 'pglite', url: null, drop: () => db.destroy() };
  }
  const name = `gw_test_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: serverUrl, pool: { min: 0, max: 1 } });
  await admin.raw(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = connect({ databaseUrl: url.toString(), pgliteDir: null });
  return {
    db,
    kind: 'postgresql',
    url: url.toString(),
    async drop() {
      await db.destroy();
      await admin.raw(`drop database if exists ${name} with (force)`);
      await admin.destroy();
    },
  };
}
