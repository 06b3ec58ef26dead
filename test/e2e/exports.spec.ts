import fs from 'node:fs';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import exportsAr from '../../resources/locales/ar/exports.json' with { type: 'json' };
import exportsEn from '../../resources/locales/en/exports.json' with { type: 'json' };
import type { Download, Page } from '@playwright/test';
import { call } from './laptops';
import { openDemo } from './openDemo';
import { shoot, skipUnlessShots } from './screenshots';
import { expect, test } from './serverFixture';

const x = exportsEn.exports;


/** Presses the dialog's Export button and waits for the file the browser is given. */
async function exportAndDownload(page: Page): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: x.submit, exact: true }).click();
  const download = await downloading;
  const file = await download.path();
  return { download, bytes: fs.readFileSync(file) };
}

test('the drafting committee exports the Consensus: Word in Spanish with the source text standing in for point 5, then Markdown in English', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  // A forum may store its languages in any order: this one lists Chinese before its source, English.
  const { id, isDemo: _demo, ...forum } = await call(server, 'forums:get', { id: forumId });
  await call(server, 'forums:update', { id, forum: { ...forum, languages: ['zh', 'en', 'es'] } });
  await page.reload();
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: draftingEn.drafting.title })).toBeVisible();

  await page.getByRole('button', { name: x.open.outcome }).click();
  const dialog = page.getByRole('dialog', { name: x.titles.outcome });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: x.format.docx }).check();
  await dialog.getByRole('checkbox', { name: 'Spanish' }).check();
  await dialog.getByRole('checkbox', { name: 'English' }).uncheck();
  const missing = dialog.getByRole('list', { name: x.missing.title });
  await expect(missing.getByRole('listitem')).toHaveText(['Paragraph 5: Spanish']);

  // Never silently empty: without the fallback the export does not start.
  await dialog.getByRole('button', { name: x.submit, exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(x.missing.choose);
  await dialog.getByRole('checkbox', { name: x.missing.fallback }).check();
  const word = await exportAndDownload(page);
  expect(word.download.suggestedFilename()).toMatch(/^[a-z0-9-]+-es-clean\.docx$/);
  expect(word.bytes.length).toBeGreaterThan(1000);
  expect(word.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(dialog.getByRole('status')).toHaveText(x.saved.replace('{{fileName}}', word.download.suggestedFilename()));
  await expect(dialog.getByRole('progressbar', { name: x.progress.label })).toHaveAttribute('value', '1');

  await dialog.getByRole('radio', { name: x.format.md }).check();
  await dialog.getByRole('checkbox', { name: 'English' }).check();
  await dialog.getByRole('checkbox', { name: 'Spanish' }).uncheck();
  await expect(missing).toBeHidden();
  const markdown = await exportAndDownload(page);
  expect(markdown.download.suggestedFilename()).toBe('songyang-consensus-2026-on-urban-rural-linkages-en-clean.md');
  expect(markdown.bytes.toString('utf8')).toContain('First, ');

  // Two languages: the source first (the file name follows the columns), unless the user moves one.
  await dialog.getByRole('radio', { name: x.format.html }).check();
  await dialog.getByRole('checkbox', { name: 'Chinese' }).check();
  const columns = dialog.getByRole('list', { name: x.languages.order });
  await expect(columns.getByRole('listitem')).toHaveText(['English', /^Chinese/]);
  expect((await exportAndDownload(page)).download.suggestedFilename()).toMatch(/-en-zh-clean\.html$/);
  await dialog.getByRole('button', { name: x.languages.moveEarlier.replace('{{language}}', 'Chinese') }).click();
  await expect(columns.getByRole('listitem')).toHaveText(['Chinese', /^English/]);
  expect((await exportAndDownload(page)).download.suggestedFilename()).toMatch(/-zh-en-clean\.html$/);
  await dialog.getByRole('checkbox', { name: 'Chinese' }).uncheck();

  // Esc closes the dialog; Ctrl+E opens it again from the drafting screen.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('Control+e');
  await expect(dialog).toBeVisible();
  // The first choice: the document itself, or its compilation text.
  await expect(dialog.getByRole('radio', { name: x.what.document })).toBeFocused();
});

test('a drafter types "First," into point 1: the editor warns and takes it out in one click, and the export never prints it twice', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  const point1 = page.getByRole('article', { name: 'Paragraph 1', exact: true });
  await point1.click();
  const editor = page.getByRole('complementary');
  const english = editor.getByRole('textbox', { name: 'Text in English (source)' });
  const original = await english.inputValue();
  await english.fill(`First, ${original}`);
  const warning = draftingEn.drafting.editor.ordinalTyped.replace('{{word}}', 'First');
  await expect(editor.getByRole('status').filter({ hasText: warning })).toBeVisible();
  await expect(english).toHaveAccessibleDescription(new RegExp(warning.slice(0, 30)));
  if (process.env.PLENARY_SHOTS) await shoot(page, 'exports', 'ordinal-warning-en', false);
  // Saved: the reader (like every export) still reads "First, " once.
  await english.blur();
  await expect(editor.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect(point1.getByRole('paragraph')).toHaveText(new RegExp(`^First, ${original.slice(0, 20)}`));

  // Exported meanwhile, the point reads "First, " once.
  await page.getByRole('button', { name: x.open.outcome }).click();
  const dialog = page.getByRole('dialog', { name: x.titles.outcome });
  await dialog.getByRole('radio', { name: x.format.md }).check();
  const markdown = (await exportAndDownload(page)).bytes.toString('utf8');
  expect(markdown).toContain(`First, ${original.slice(0, 40)}`);
  expect(markdown).not.toContain('First, First,');
  await page.keyboard.press('Escape');

  await editor.getByRole('button', { name: draftingEn.drafting.editor.stripOrdinal.replace('{{word}}', 'First') }).click();
  await expect(english).toHaveValue(original);
  await expect(english).toBeFocused();
  await expect(editor.getByText(warning)).toBeHidden();
});

test('the secretariat exports the agenda as HTML in Chinese, the participant list and the participation figures as Word', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.agenda, exact: true }).click();
  await page.getByRole('button', { name: x.open.agenda }).click();
  const agenda = page.getByRole('dialog', { name: x.titles.agenda });
  await agenda.getByRole('radio', { name: x.format.html }).check();
  await agenda.getByRole('radio', { name: 'Chinese' }).check();
  const html = await exportAndDownload(page);
  expect(html.download.suggestedFilename()).toMatch(/^[a-z0-9-]+-agenda-zh\.html$/);
  const page1 = html.bytes.toString('utf8');
  expect(page1).toMatch(/<html[^>]* lang="zh"/);
  await agenda.getByRole('button', { name: x.close }).click();
  await expect(agenda).toBeHidden();

  await page.getByRole('link', { name: en.forumNav.participants, exact: true }).click();
  await page.getByRole('button', { name: x.open.participants }).click();
  const people = page.getByRole('dialog', { name: x.titles.participants });
  await people.getByRole('radio', { name: 'Spanish' }).check();
  const list = await exportAndDownload(page);
  expect(list.download.suggestedFilename()).toMatch(/-participants-es\.docx$/);
  expect(list.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  await page.keyboard.press('Escape');

  await page.getByRole('link', { name: en.forumNav.stats, exact: true }).click();
  await page.getByRole('button', { name: x.open.participation }).click();
  const figures = await exportAndDownload(page);
  expect(figures.download.suggestedFilename()).toMatch(/-participation-en\.docx$/);
  expect(figures.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('screenshots of the export dialog in English and Arabic', async ({ page, server }) => {
  skipUnlessShots('exports');
  await page.setViewportSize({ width: 1280, height: 1000 });
  const forumId = await openDemo(page, server.url);
  await page.goto(`${server.url.split('#')[0]}#/forum/${forumId}/drafting/${forumId}`);
  await page.getByRole('button', { name: x.open.outcome }).click();
  await page.getByRole('checkbox', { name: 'Spanish' }).check();
  await expect(page.getByRole('list', { name: x.missing.title })).toBeVisible();
  await shoot(page, 'exports', 'dialog-en', false);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: exportsAr.exports.open.outcome }).click();
  await page.getByRole('checkbox', { name: 'الإسبانية' }).check();
  await expect(page.getByRole('list', { name: exportsAr.exports.missing.title })).toBeVisible();
  await shoot(page, 'exports', 'dialog-ar', false);
});
