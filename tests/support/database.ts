// A fresh database for each test file: in-memory PGlite by default, or a new database on the PostgreSQL
// server named by DATABASE_URL, so the same suite runs on both.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import { loadConfig } from '../../gateway/config.ts';
import { connect } from '../../gateway/db/connect.ts';

export interface TestDatabase { db: Knex; kind: 'pglite' | 'postgresql'; url: string | null; drop(): Promise<void> }

export const serverUrl = loadConfig(process.env).databaseUrl;

export async function openTestDatabase(): Promise<TestDatabase> {
  if (serverUrl === null) {
    const db = connect({ databaseUrl: null, pgliteDir: null }, await pgliteTemplate());
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

/** The empty cluster the vitest global setup dumped, when running under vitest. */
async function pgliteTemplate(): Promise<Blob | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  const file = inject('pgliteTemplate');
  return file ? new Blob([fs.readFileSync(file)]) : undefined;
}
