import type { Locator, Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { shoot } from './screenshots';
import { duringParallelSessions, openScreen, strings, useLanguage, walkScreens, type WalkLanguage } from './screenWalk';
import { expect, test } from './serverFixture';

/** A common laptop, a netbook, and a tablet held upright. */
const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
  { width: 800, height: 1280 },
] as const;

/** What is wider than the screen: the page itself, or one of the page's main regions. */
async function overflowing(page: Page): Promise<string[]> {
  // Measured once the resized window has been laid out and painted (two frames): content-visibility
  // lets Chromium lay skipped paragraphs out a frame late, which no one sees but a script does.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth) found.push(`the page is ${root.scrollWidth} px wide in ${window.innerWidth}`);
    for (const region of document.querySelectorAll<HTMLElement>('header, nav, main, main > *, [role="region"]')) {
      if (region.scrollWidth > region.clientWidth + 1) {
        found.push(`${region.tagName.toLowerCase()}.${region.className || '-'} holds ${region.scrollWidth} px in ${region.clientWidth}`);
      }
    }
    return found;
  });
}

/** Scrolls the page, and any box that scrolls up and down, so `control` is in the middle; never sideways. */
async function scrollDownTo(control: Locator): Promise<void> {
  await control.evaluate((element) => {
    for (let box = element.parentElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      if (/(auto|scroll)/.test(style.overflowY) && box.scrollHeight > box.clientHeight) {
        box.scrollTop += element.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
      }
    }
    window.scrollBy(0, element.getBoundingClientRect().top - window.innerHeight / 3);
  });
}

/** Whether all of `control` shows on the screen, clipped by no scrolling box around it. */
async function wholeOnScreen(control: Locator): Promise<boolean> {
  try {
    await expect(control).toBeInViewport({ ratio: 1, timeout: 1500 });
    return true;
  } catch {
    return false;
  }
}

const languages: WalkLanguage[] = process.env.PLENARY_SHOTS ? ['en', 'ru', 'ar', 'zh'] : ['en', 'ru'];

for (const lang of languages) {
  test(`every screen fits a laptop, a netbook and a tablet in ${lang}`, async ({ page, server }) => {
    test.setTimeout(300_000);
    await page.clock.setFixedTime(duringParallelSessions);
    const forumId = await openDemo(page, server.url);
    const t = strings(lang);
    await useLanguage(page, lang);
    const problems: string[] = [];
    for (const screen of walkScreens) {
      await page.setViewportSize(sizes[0]);
      await openScreen(page, screen, forumId, lang);
      for (const size of sizes) {
        const at = `${screen.name} at ${size.width}×${size.height}`;
        await page.setViewportSize(size);
        await page.evaluate(() => window.scrollTo(0, 0));
        for (const wide of await overflowing(page)) problems.push(`${at}: ${wide}`);
        if (!(await wholeOnScreen(screen.main(page, t)))) problems.push(`${at}: its main control is not all on the first screen`);
        if (process.env.PLENARY_SHOTS) await shoot(page, 'screens', `${screen.name}-${lang}-${size.width}`, false);
        for (const control of screen.reachable?.(page, t) ?? []) {
          await scrollDownTo(control);
          if (!(await wholeOnScreen(control))) problems.push(`${at}: ${control.toString()} is cut off`);
        }
      }
    }
    expect(problems, `in ${lang}`).toEqual([]);
  });
}
