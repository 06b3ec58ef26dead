import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import ar from '../../resources/locales/ar/app.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import { shoot } from './screenshots';
import { expect } from './serverFixture';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The sizes a forum's laptops have: a common laptop screen and a small netbook's. */
export const screenSizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
] as const;

/** Switches the interface language as a person would, and waits for the page to follow. */
export async function switchLanguage(page: Page, lang: 'en' | 'ar'): Promise<void> {
  const switcher = page.getByRole('combobox', { name: new RegExp(`^(${en.app.interfaceLanguage}|${ar.app.interfaceLanguage})$`) });
  await switcher.selectOption(lang);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/**
 * What axe-core finds serious or critical in the page as it stands (modal dialogs included: the
 * rest of the page is inert then, and axe reads what a screen reader can reach). Run through the
 * debugging protocol, which the page's Content-Security-Policy does not govern.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`);
}

/**
 * Looks at one state of a screen in English and in Arabic: axe finds nothing serious in either,
 * and at both screen sizes nothing pushes the page wider than the screen. With PLENARY_SHOTS=1
 * each is photographed with `focus` scrolled to the top (`<prefix>-<name>-<lang>-<width>.png`,
 * and the whole page in `…-page.png`); `focus` must not depend on the language. `sizes` replaces
 * the two screen sizes where a state must also fit another (a tablet held upright). Leaves the page
 * in English at its former size.
 */
export async function lookAt(page: Page, prefix: string, name: string, focus?: Locator, sizes: ReadonlyArray<{ width: number; height: number }> = screenSizes): Promise<void> {
  const size = page.viewportSize();
  for (const lang of ['en', 'ar'] as const) {
    await switchLanguage(page, lang);
    expect(await seriousViolations(page), `${name} in ${lang}`).toEqual([]);
    for (const screen of sizes) {
      await page.setViewportSize(screen);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${name} in ${lang} at ${screen.width}×${screen.height}: pixels wider than the screen`).toBeLessThanOrEqual(0);
      if (!process.env.PLENARY_SHOTS) continue;
      // The state's top at the top of the screen, as a person would scroll to read it.
      await focus?.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await shoot(page, prefix, `${name}-${lang}-${screen.width}`, false);
      await shoot(page, prefix, `${name}-${lang}-${screen.width}-page`, true);
    }
  }
  if (size) await page.setViewportSize(size);
  await switchLanguage(page, 'en');
}
