import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'gateway/**/*.test.ts', 'mou-registry/**/*.test.ts', 'audit/**/*.test.ts', 'contracts/**/*.test.ts'],
    globalSetup: ['tests/support/pglite-template.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
