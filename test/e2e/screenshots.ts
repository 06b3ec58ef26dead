import { test, type Page } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Where PLENARY_SHOTS=1 runs write their screenshots: PLENARY_SHOTS_DIR, else
 * test-results/screenshots (ignored by git, and emptied by Playwright at the start of each run).
 */
export const shotsDir = process.env.PLENARY_SHOTS_DIR ? path.resolve(process.env.PLENARY_SHOTS_DIR) : path.join(root, 'test-results', 'screenshots');

/** Screenshots are for looking at, not checks: they are taken only when asked for. */
export function skipUnlessShots(prefix: string): void {
  test.skip(!process.env.PLENARY_SHOTS, `set PLENARY_SHOTS=1 to write ${path.join(shotsDir, `${prefix}-*.png`)} (PLENARY_SHOTS_DIR picks the folder)`);
}

/** Takes `<prefix>-<name>.png` in the screenshots folder. */
export function shoot(page: Page, prefix: string, name: string, fullPage = true): Promise<Buffer> {
  return page.screenshot({ path: path.join(shotsDir, `${prefix}-${name}.png`), fullPage });
}
