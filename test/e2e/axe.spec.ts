import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { call, saveBundle, startLaptop } from './laptops';
import { seriousViolations } from './lookAt';
import { openDemo } from './openDemo';
import { duringParallelSessions, openScreen, strings, useLanguage, walkScreens, type WalkLanguage } from './screenWalk';
import { expect, stopServer, test } from './serverFixture';

/** axe-core's moderate "content outside a landmark" finding: the projectors' controls once had it. */
async function outsideLandmarks(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, { runOnly: ['region'], resultTypes: ['violations'] });
    return results.violations.flatMap((v) => v.nodes.map((n) => `${v.id} at ${n.target.join(' ')}`));
  });
}

for (const lang of ['en', 'ar'] as const satisfies WalkLanguage[]) {
  test(`axe finds nothing serious on any screen in ${lang}`, async ({ page, server }) => {
    test.setTimeout(300_000);
    await page.clock.setFixedTime(duringParallelSessions);
    const forumId = await openDemo(page, server.url);
    await useLanguage(page, lang);
    const t = strings(lang);
    const found: Record<string, string[]> = {};
    const look = async (name: string) => {
      const violations = await seriousViolations(page);
      if (violations.length) found[name] = violations;
    };
    for (const screen of walkScreens) {
      await openScreen(page, screen, forumId, lang);
      await look(screen.name);
      if (screen.name.endsWith('projector')) {
        const stray = await outsideLandmarks(page);
        if (stray.length) found[`${screen.name} (landmarks)`] = stray;
      }
    }

    // States a screen reaches by a click: the agenda by room, key messages by theme, a paragraph
    // open beside the draft, a search with results.
    await openScreen(page, walkScreens.find((s) => s.name === 'agenda')!, forumId, lang);
    await page.getByRole('button', { name: t('agenda.views.room') }).click();
    await expect(page.getByRole('columnheader').first()).toBeVisible();
    await look('agenda by room');
    await openScreen(page, walkScreens.find((s) => s.name === 'key-messages')!, forumId, lang);
    await page.getByRole('button', { name: t('keyMessages.views.theme') }).click();
    await look('key messages by theme');
    await openScreen(page, walkScreens.find((s) => s.name === 'drafting')!, forumId, lang);
    const paragraph = page.locator('article.draft-paragraph').nth(1);
    await paragraph.click();
    await expect(paragraph).toHaveAttribute('aria-current', 'true');
    await expect(page.getByRole('tablist').first()).toBeVisible();
    await look('drafting, a paragraph open');

    expect(found).toEqual({});
  });
}

test('axe finds nothing serious in a bundle’s preview, in English and Arabic', async ({ page, server }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-axe-'));
  const other = await startLaptop(dir, 'Rapporteur – Room B');
  try {
    const { id } = await call(other, 'demo:create', {});
    const file = await saveBundle(other, id, dir);
    const forumId = await openDemo(page, server.url);
    expect(forumId).not.toBe(id);
    await page.locator('section.exchange input[type=file]').setInputFiles(file);
    await expect(page.locator('section.exchange article.laptop-group table')).toBeVisible();
    for (const lang of ['en', 'ar'] as const) {
      await useLanguage(page, lang);
      expect(await seriousViolations(page), lang).toEqual([]);
    }
  } finally {
    await stopServer(other);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
