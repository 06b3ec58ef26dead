import type { Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingAr from '../../resources/locales/ar/drafting.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import { lookAt, seriousViolations, switchLanguage } from './lookAt';
import { shoot } from './screenshots';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const d = draftingEn.drafting;
const point = (page: Page, number: string) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const panel = (page: Page) => page.getByRole('complementary');
/** The projector has no language switcher: it is looked at in the language the drafting screen had. */
async function lookAtProjector(page: Page, lang: 'en' | 'ar') {
  await expect(page.locator('.alternative-columns article')).toHaveCount(2);
  expect(await seriousViolations(page), `projector in ${lang}`).toEqual([]);
  if (process.env.PLENARY_SHOTS) await shoot(page, 'paragraphs', `projector-${lang}`, false);
}
const counts = (page: Page) => page.getByRole('region', { name: d.statusCounts.label });

test('a facilitator runs the paragraph model from the keyboard: role, alternatives with proposers, a sub-paragraph, a reference, agreed ad ref; the projector shows 2 and 2 bis side by side; in English and Arabic', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
  await expect(point(page, '6')).toBeVisible();
  // The demo's Consensus: three agreed, one bracketed, two open.
  await expect(counts(page).getByRole('listitem')).toHaveText(['3 agreed', '0 agreed ad ref', '1 bracketed', '2 open']);

  // R makes the second point operative; its opening phrase prints in italics.
  await point(page, '2').focus();
  // Pressed twice quickly it goes two steps (neither, preambular, operative), not one twice.
  await page.keyboard.press('r');
  await page.keyboard.press('r');
  await expect(panel(page).getByRole('combobox', { name: d.model.role })).toHaveValue('operative');

  // B: an alternative, proposed by Kenya and Chile (typed, or picked from the delegations).
  await point(page, '2').focus();
  await page.keyboard.press('b');
  const form = panel(page).locator('form.alternative-form');
  await expect(form.getByRole('textbox', { name: 'Text of the alternative (English)' })).toBeFocused();
  await page.keyboard.type('We will support rural economies, as the delegations agreed.');
  await form.getByRole('combobox', { name: d.alternative.proposers }).fill('Kenya, Chile');
  await form.getByRole('button', { name: d.alternative.submit }).click();
  await expect(point(page, '2 bis')).toBeVisible();
  await expect(point(page, '2 bis')).toContainText('2 bis. [We will support rural economies, as the delegations agreed.]');
  await expect(point(page, '2 bis')).toContainText('Proposed by Kenya, Chile');
  await expect(counts(page).getByRole('listitem')).toHaveText(['2 agreed', '0 agreed ad ref', '2 bracketed', '2 open']);

  // Alt+→ makes the third point a sub-paragraph of the second: (a), and the points after it renumber.
  await point(page, '3').focus();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(point(page, '2 (a)')).toBeVisible();
  await expect(point(page, '2 (a)')).toContainText('(a) ');
  await expect(point(page, '5')).toBeVisible();
  await expect(point(page, '6')).toHaveCount(0);

  // A reference: Enter to edit the fifth point, Ctrl+Shift+X to the type-ahead, "2" and Enter.
  await point(page, '5').focus();
  await page.keyboard.press('Enter');
  const box = panel(page).getByRole('textbox', { name: /^Text in English/ });
  await expect(box).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' See paragraph ');
  await page.keyboard.press('Control+Shift+X');
  const picker = panel(page).getByRole('combobox', { name: d.reference.insert });
  await expect(picker).toBeFocused();
  await page.keyboard.type('2');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(/See paragraph \[\[para:[^\]]+\]\]$/);
  await expect(point(page, '5')).toContainText('See paragraph 2', { timeout: 10_000 });
  // Moving the second point down renumbers the reference with it.
  await page.keyboard.press('Escape');

  // The projector: the paragraph and its alternative side by side, bracketed, with the counts.
  await point(page, '2').focus();
  await page.keyboard.press('p');
  await expect(page.locator('.alternative-columns article')).toHaveCount(2);
  await expect(page.locator('.alternative-columns')).toContainText('2 bis. [We will support rural economies');
  await expect(page.getByRole('region', { name: d.statusCounts.label })).toBeVisible();
  await lookAtProjector(page, 'en');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
  await lookAt(page, 'paragraphs', 'drafting', page.locator('.agreement-counts'));
  // The projector in Arabic: the page right to left, the counts and the labels in Arabic words.
  await switchLanguage(page, 'ar');
  await page.getByRole('article', { name: 'الفقرة 2', exact: true }).focus();
  await page.keyboard.press('p');
  await expect(page.getByRole('region', { name: draftingAr.drafting.statusCounts.label })).toBeVisible();
  await lookAtProjector(page, 'ar');
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'en');

  // Agreed ad ref on 2 bis: the second point is withdrawn, brackets and labels go.
  await point(page, '2 bis').click();
  await panel(page).getByRole('combobox', { name: d.editor.status }).selectOption('agreed_ad_ref');
  await expect(point(page, '2 bis')).toHaveCount(0);
  await expect(point(page, '2')).toContainText('We will support rural economies, as the delegations agreed.');
  await expect(point(page, '2')).not.toContainText('[');
  await expect(counts(page).getByRole('listitem')).toHaveText(['2 agreed', '1 agreed ad ref', '1 bracketed', '2 open']);

  // In Arabic the page turns right to left, names say مكررا, and Alt+← (inward there) indents.
  await switchLanguage(page, 'ar');
  await expect(page.getByRole('region', { name: draftingAr.drafting.statusCounts.label })).toBeVisible();
  await page.getByRole('article', { name: 'الفقرة 4', exact: true }).focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByRole('article', { name: 'الفقرة 3 (أ)', exact: true })).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('article', { name: 'الفقرة 4', exact: true })).toBeVisible();
  await switchLanguage(page, 'en');
});
