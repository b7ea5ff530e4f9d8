import { defineConfig } from 'vitest/config';

// tests/server/ holds what only a PostgreSQL server can show (a network link lost, roles and grants, several
// processes on one database); it runs in the pass with DATABASE_URL set, which CI always makes.
const onServer = Boolean(process.env.DATABASE_URL);

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'platform/**/*.test.ts', 'gateway/**/*.test.ts', 'sandbox/**/*.test.ts', 'mou-registry/**/*.test.ts', 'audit/**/*.test.ts', 'contracts/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(onServer ? [] : ['tests/server/**'])],
    globalSetup: ['tests/support/pglite-template.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
