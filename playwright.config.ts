import { defineConfig } from '@playwright/test';

// Debian's Chromium, never a downloaded browser (our machines cannot download one).
export const chromiumPath = process.env.PLENARY_CHROMIUM ?? '/usr/bin/chromium';
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
  timeout: 60_000,
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
