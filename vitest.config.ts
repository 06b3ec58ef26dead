import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is native and synchronous; forks keep each file's databases in its own process.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
