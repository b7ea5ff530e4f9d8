// A fresh database for each test file: in-memory PGlite by default, or a new database on the PostgreSQL
// server named by DATABASE_URL, so the same suite runs on both.
import fs from 'node:fs';
import { loadConfig } from '../../platform/config.ts';
import { openScratchDatabase, type ScratchDatabase } from '../../platform/db/scratch.ts';

export type TestDatabase = ScratchDatabase;

export const serverUrl = loadConfig(process.env).databaseUrl;

export async function openTestDatabase(): Promise<TestDatabase> {
  return openScratchDatabase(serverUrl, await pgliteTemplate());
}

/** The empty cluster the vitest global setup dumped, when running under vitest. */
async function pgliteTemplate(): Promise<Blob | undefined> {
  if (!process.env.VITEST) return undefined;
  const { inject } = await import('vitest');
  const file = inject('pgliteTemplate');
  return file ? new Blob([fs.readFileSync(file)]) : undefined;
}
