import type { Locator, Page } from '@playwright/test';
import agendaEn from '../../resources/locales/en/agenda.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import { openDemo } from './openDemo';
import { shoot } from './screenshots';
import { duringParallelSessions, useLanguage, type WalkLanguage } from './screenWalk';
import { expect, test } from './serverFixture';

const agenda = agendaEn.agenda;

/** A third session in parallel with the demo's A and B, with the longest title of the three. */
const thirdTitle = 'Parallel Session E: Financing Small Towns, Rural Infrastructure and Inclusive Municipal Services Across the Urban-Rural Continuum';

async function addThirdParallelSession(page: Page, forumId: string): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#/forum/${id}/agenda/new`), forumId);
  await expect(page.getByRole('heading', { level: 1, name: agenda.form.newTitle })).toBeVisible();
  await page.getByRole('combobox', { name: agenda.form.day, exact: true }).selectOption('2026-11-23');
  await page.getByLabel(agenda.form.start, { exact: true }).fill('14:00');
  await page.getByLabel(agenda.form.end, { exact: true }).fill('15:30');
  await page.getByRole('combobox', { name: agenda.kind, exact: true }).selectOption('parallel');
  await page.getByRole('textbox', { name: 'Title in English (source)' }).fill(thirdTitle);
  await page.getByRole('textbox', { name: 'Room in English (source)' }).fill('Hall C, Songyang Cultural Centre');
  await page.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: agenda.title })).toBeVisible();
}

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** `element` lies wholly on the screen and nowhere under `cover`. */
async function expectShownClearOf(element: Locator, cover: Locator, what: string): Promise<void> {
  await expect(element, what).toBeInViewport({ ratio: 1 });
  const box = await element.boundingBox();
  const coverBox = await cover.boundingBox();
  expect(box, what).not.toBeNull();
  expect(coverBox).not.toBeNull();
  expect(overlaps(box!, coverBox!), `${what} lies under the controls`).toBe(false);
}

const sizes = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
] as const;

test('three parallel sessions and the next one all show on the projector, clear of its controls', async ({ page, server }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(duringParallelSessions);
  const forumId = await openDemo(page, server.url);
  await addThirdParallelSession(page, forumId);
  for (const lang of ['en', 'ar', 'ru', 'zh'] as const satisfies WalkLanguage[]) {
    await useLanguage(page, lang);
    await page.evaluate((id) => (window.location.hash = `#/forum/${id}/projector`), forumId);
    const t = (await import(`../../resources/locales/${lang}/agenda.json`, { with: { type: 'json' } })) as { default: typeof agendaEn };
    const now = page.getByRole('region', { name: t.default.agenda.now });
    const next = page.getByRole('region', { name: t.default.agenda.next });
    const controls = page.locator('.projector-controls');
    // The titles read in the forum's language nearest the interface's: English, or Chinese.
    await expect(now.getByRole('article')).toHaveCount(3);
    for (const size of sizes) {
      await page.setViewportSize(size);
      const at = `${lang} at ${size.width}×${size.height}`;
      for (const title of await now.getByRole('heading', { level: 3 }).all()) {
        await expectShownClearOf(title, controls, `${at}: ${await title.textContent()}`);
      }
      await expectShownClearOf(next.getByRole('heading', { level: 2 }), controls, `${at}: "${t.default.agenda.next}"`);
      await expectShownClearOf(next.getByRole('heading', { level: 3 }), controls, `${at}: the next session`);
      // The controls are a landmark of their own (axe: no content outside a landmark).
      await expect(page.getByRole('region', { name: t.default.agenda.projector.controls }).getByRole('button', { name: t.default.agenda.projector.back })).toBeInViewport({ ratio: 1 });
      if (process.env.PLENARY_SHOTS) await shoot(page, 'screens', `agenda-projector-parallel-${lang}-${size.width}`, false);
    }
    await page.keyboard.press('Escape');
    await expect(page.getByRole('heading', { level: 1, name: t.default.agenda.title })).toBeVisible();
  }
});
