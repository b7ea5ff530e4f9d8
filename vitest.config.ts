import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Two projects. A test beside the code (platform/, gateway/, audit/, mou-registry/, sandbox/, contracts/) is a unit
// test: it opens no database, so its project has no global setup and runs alone with `npm run test:unit`. A test
// under tests/ goes through the API or the database; its project dumps one empty PGlite cluster first, which every
// test file then loads (tests/support/pglite-template.ts).
// tests/server/ holds what only a PostgreSQL server can show (a network link lost, roles and grants, several
// processes on one database); it runs in the pass with DATABASE_URL set, which CI always makes.
const onServer = Boolean(process.env.DATABASE_URL);
const besideTheCode = ['platform', 'gateway', 'sandbox', 'mou-registry', 'audit', 'contracts'].map(
  (dir) => `${dir}/**/*.test.ts`,
);

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**'],
    // One worker per core, not vitest's default of one fewer: an API test file spends much of its time waiting on
    // its database, its partners and its timers, so a 2-core machine runs two files at once with room to spare.
    maxWorkers: os.availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // Pure code: one module graph shared by the files of a worker (isolate: false) saves most of the import time.
        test: { name: 'unit', include: besideTheCode, pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...(onServer ? [] : ['tests/server/**'])],
          globalSetup: ['tests/support/pglite-template.ts', 'tests/support/population-file.ts'],
          pool: 'forks',
          // On a PostgreSQL server, a worker's files share one module graph (isolate: false): each file still starts
          // its own gateway and database, but the gateway's modules, the contract and the population are imported
          // once per worker, not once per file. tests/register and tests/exchanges (19 files) on the server, quiet
          // machine: 83 and 79 s isolated against 42 s shared. On PGlite each file keeps a process of its own:
          // shared, a worker's RSS grew by about 400 MB a file (11 GB in a full run), so something of ours still holds
          // each file's embedded database after it closes (a bare PGlite opened and closed eight times in one process
          // stays at 600-800 MB); until that is found, the PGlite pass stays isolated.
          isolate: !onServer,
        },
      },
    ],
  },
});
