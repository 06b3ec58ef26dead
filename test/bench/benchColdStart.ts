import { chromium } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { startServer, stopServer } from '../e2e/serverFixture';

export interface ColdStartFigures {
  runs: number;
  serverReadyMs: number[];
  firstInteractiveMs: number[];
  browserLaunchMs: number[];
}

/**
 * Browser-mode cold start: from spawning `plenary serve` on a fresh database until the home
 * screen's heading and its first button are on screen and enabled, in an already running Chromium
 * (the browser's own launch is reported apart: on a venue laptop it is usually open already).
 */
export async function benchColdStart(dir: string, runs = 5): Promise<ColdStartFigures> {
  const figures: ColdStartFigures = { runs, serverReadyMs: [], firstInteractiveMs: [], browserLaunchMs: [] };
  const launchStart = performance.now();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  figures.browserLaunchMs.push(performance.now() - launchStart);
  try {
    for (let run = 0; run < runs; run++) {
      const db = path.join(dir, `cold-${run}.sqlite`);
      fs.rmSync(db, { force: true });
      const start = performance.now();
      const server = await startServer(db);
      figures.serverReadyMs.push(performance.now() - start);
      const page = await browser.newPage();
      // The page notes, in wall-clock time, the first moment its heading and a button are there,
      // so the figure does not include Playwright's polling interval.
      await page.addInitScript(() => {
        const check = () => {
          // The home screen is usable once the forum list (or its empty state) has arrived.
          if (document.querySelector('h1') && document.querySelector('.empty-state button:not([disabled]), .forum-list')) {
            (window as unknown as { interactiveAt: number }).interactiveAt = performance.timeOrigin + performance.now();
            return true;
          }
          return false;
        };
        new MutationObserver((_, observer) => check() && observer.disconnect()).observe(document, { childList: true, subtree: true });
      });
      const spawnedAt = performance.timeOrigin + start;
      await page.goto(server.url);
      const interactiveAt = await page.waitForFunction(() => (window as unknown as { interactiveAt?: number }).interactiveAt);
      figures.firstInteractiveMs.push(((await interactiveAt.jsonValue()) as number) - spawnedAt);
      await page.close();
      await stopServer(server);
    }
  } finally {
    await browser.close();
  }
  return figures;
}
