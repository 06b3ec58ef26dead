import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Benchmarks live in test/bench and run with npm run bench, never here.
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is native and synchronous; forks keep each file's databases in its own process.
    pool: 'forks',
    testTimeout: 20_000,
    // Names the missing programs (Chromium, poppler, LibreOffice, fonts) whose tests skip; builds
    // the worker threads' scripts once per run as the app builds them (see each setup file).
    globalSetup: ['test/unit/helpers/reportPrograms.ts', 'test/unit/helpers/buildWorkers.ts'],
    env: { PLENARY_WORKER_DIR: path.resolve(__dirname, '.cache/test-worker') },
  },
});
