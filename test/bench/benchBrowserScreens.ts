import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../playwright.config';
import { startServer, stopServer } from '../e2e/serverFixture';
import { navigationTime } from './navigationTime';

export interface BrowserScreenFigures {
  participantListMs: number[];
  scroll: { frames: number; maxFrameMs: number; p95FrameMs: number; rowsSeen: number };
  agendaMs: number[];
}


/** Scrolls the list's scroller from top to bottom in steps, one per frame, timing every frame. */
async function scrollEndToEnd(page: Page): Promise<BrowserScreenFigures['scroll']> {
  return page.evaluate(
    () =>
      new Promise<BrowserScreenFigures['scroll']>((resolve) => {
        const table = document.querySelector('[role="table"], [role="grid"], table');
        let scroller: HTMLElement | null = table instanceof HTMLElement ? table : null;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 10 && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) {
          scroller = scroller.parentElement;
        }
        const target = scroller ?? document.scrollingElement ?? document.documentElement;
        const frames: number[] = [];
        const seen = new Set<string>();
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          for (const row of document.querySelectorAll('[aria-rowindex]')) seen.add(row.getAttribute('aria-rowindex') ?? '');
          if (target.scrollTop + target.clientHeight >= target.scrollHeight - 2) {
            const sorted = [...frames.slice(1)].sort((a, b) => a - b);
            resolve({
              frames: sorted.length,
              maxFrameMs: sorted.at(-1) ?? NaN,
              p95FrameMs: sorted[Math.floor((sorted.length - 1) * 0.95)] ?? NaN,
              rowsSeen: seen.size,
            });
            return;
          }
          target.scrollTop += target.clientHeight * 1.5;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
  );
}

/** The participant list and the agenda of the synthetic forum, rendered and scrolled in Chromium. */
export async function benchBrowserScreens(dbPath: string, forumId: string, runs = 5): Promise<BrowserScreenFigures> {
  const server = await startServer(dbPath);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  const figures: BrowserScreenFigures = { participantListMs: [], scroll: { frames: 0, maxFrameMs: NaN, p95FrameMs: NaN, rowsSeen: 0 }, agendaMs: [] };
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}#/forum/${forumId}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const forum = `#/forum/${forumId}`;
    for (let run = 0; run < runs; run++) {
      // Rows of the first page are on screen: the list is usable.
      figures.participantListMs.push(await navigationTime(page, `${forum}/participants`, "return document.querySelectorAll('[aria-rowindex]').length > 10"));
      if (run === 0) figures.scroll = await scrollEndToEnd(page);
      await navigationTime(page, forum, "return !document.querySelector('[aria-rowindex]')");
      // The synthetic agenda's first day holds sessions 1 to 100: the last of them is on screen.
      figures.agendaMs.push(await navigationTime(page, `${forum}/agenda`, "return document.body.innerText.includes('Session 100:')"));
      await navigationTime(page, forum, "return !document.body.innerText.includes('Session 100:')");
    }
  } finally {
    await browser.close();
    await stopServer(server);
  }
  return figures;
}
