import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import issuancesEn from '../../resources/locales/en/issuances.json' with { type: 'json' };
import { lookAt, seriousViolations, switchLanguage } from './lookAt';
import { shoot } from './screenshots';
import { issuancesList, issue } from './negotiationSteps';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const i = issuancesEn.issuances;
const symbol = 'UN-Habitat/EGM/2026/L.1';
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
const point = (page: Page, number: string) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const history = issuancesList;

test('the secretariat issues L.1, edits the draft, issues Rev.1 (offered) and exports Word with tracked changes against L.1; in English and Arabic', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(point(page, '6')).toBeVisible();

  await issue(page, symbol, symbol);
  await expect(history(page)).toHaveAttribute('open', '');
  await expect(history(page).getByRole('row')).toHaveCount(2);

  // An edit of the draft after issuance: Enter to edit the first point, words added at its end.
  await point(page, '1').focus();
  await page.keyboard.press('Enter');
  const box = page.getByRole('complementary').getByRole('textbox', { name: /^Text in English/ });
  await expect(box).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Added after L.1 was issued.');
  await expect(point(page, '1')).toContainText('Added after L.1 was issued.', { timeout: 10_000 });
  await page.keyboard.press('Escape');

  // The dialog offers the next revision's symbol.
  await issue(page, undefined, `${symbol}/Rev.1`);
  await expect(history(page).getByRole('row')).toHaveCount(3);
  await expect(history(page).getByRole('row').nth(2)).toContainText(fill(i.kindOf, { kind: i.kinds.revision, symbol: `\u2066${symbol}\u2069` }));

  // The draft in Word with tracked changes since L.1.
  const downloading = page.waitForEvent('download');
  await history(page).getByRole('button', { name: fill(i.exportChangesOf, { symbol }), exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-en-changes\.docx$/);
  const xml = strFromU8(unzipSync(fs.readFileSync(await download.path()))['word/document.xml'] ?? new Uint8Array());
  expect(xml).toMatch(/<w:ins\b[^>]*w:author="Plenary"[\s\S]{0,400}Added after L\.1 was issued\./);
  await expect(history(page).getByRole('status').last()).toContainText(download.suggestedFilename());

  // And L.1 as issued, without the edit.
  const issued = page.waitForEvent('download');
  await history(page).getByRole('button', { name: fill(i.exportIssuedOf, { symbol }), exact: true }).click();
  const l1 = await issued;
  const l1Xml = strFromU8(unzipSync(fs.readFileSync(await l1.path()))['word/document.xml'] ?? new Uint8Array());
  expect(l1Xml).toContain('the countryside holds values');
  expect(l1Xml).not.toContain('Added after L.1 was issued.');

  await lookAt(page, 'issuances', 'history', history(page));
  // The issue dialog itself, with the next symbol offered, in both languages (switched with it closed).
  for (const lang of ['en', 'ar'] as const) {
    await switchLanguage(page, lang);
    await page.locator('[data-paragraph]').first().focus();
    await page.keyboard.press('i');
    const dialog = page.locator('dialog.issue-dialog');
    await expect(dialog.locator('input[dir="ltr"]')).toHaveValue(`${symbol}/Rev.2`);
    expect(await seriousViolations(page), `issue dialog in ${lang}`).toEqual([]);
    if (process.env.PLENARY_SHOTS) await shoot(page, 'issuances', `dialog-${lang}`, false);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  await switchLanguage(page, 'en');
});
