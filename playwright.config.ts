import { defineConfig } from '@playwright/test';
import { chromium } from './test/programs';

// Debian's Chromium (or PLENARY_CHROMIUM), never a downloaded browser (our machines cannot
// download one). Where none is found the browser tests skip, saying so (test/e2e/serverFixture.ts).
export const chromiumPath = chromium.path ?? '/usr/bin/chromium';
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'test/e2e',
  // Says once, at the start, which programs are missing and so which tests skip (an error under CI).
  globalSetup: './test/e2e/reportPrograms.ts',
  timeout: 60_000,
  // Headless Chromium now and then stops producing animation frames; a click then waits out the
  // test on "visible, enabled and stable" with the element plainly there (a CI run at 2a3886b, in
  // a spec nothing had touched; six runs of it passed here). One retry, in a fresh browser, keeps
  // such a hang from failing the run; the list reports the test as flaky, and a test that fails
  // twice still fails.
  retries: 1,
  // Two cores shared by the server, its import worker and Chromium: give assertions room.
  expect: { timeout: 15_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    headless: true,
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
    locale: 'en-GB',
    trace: 'retain-on-failure',
  },
});
