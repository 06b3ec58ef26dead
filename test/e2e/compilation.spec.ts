import fs from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import exportsAr from '../../resources/locales/ar/exports.json' with { type: 'json' };
import exportsEn from '../../resources/locales/en/exports.json' with { type: 'json' };
import { call } from './laptops';
import { seriousViolations } from './lookAt';
import { openDemo } from './openDemo';
import { shoot } from './screenshots';
import { expect, test, type PlenaryServer } from './serverFixture';

const x = exportsEn.exports;
const xa = exportsAr.exports;

/** Presses the dialog's Export button and waits for the file the browser is given. */
async function exportAndDownload(page: Page, submit: string): Promise<{ download: Download; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('dialog').getByRole('button', { name: submit, exact: true }).click();
  const download = await downloading;
  return { download, bytes: fs.readFileSync(await download.path()) };
}

/** The demo forum working in Arabic too, with Kenya's amendment to point 2 and three stances on it. */
async function negotiate(server: PlenaryServer, forumId: string): Promise<void> {
  const { id, isDemo: _demo, ...forum } = await call(server, 'forums:get', { id: forumId });
  await call(server, 'forums:update', { id, forum: { ...forum, languages: [...forum.languages, 'ar'] } });
  const doc = await call(server, 'outcome:get', { documentId: forumId });
  const point2 = doc.paragraphs.find((p) => p.number === 2);
  if (!point2?.text.en) throw new Error('the demo has no point 2');
  await call(server, 'amendments:propose', {
    paragraphId: point2.id,
    kind: 'replace',
    lang: 'en',
    text: point2.text.en.replace('a diversified rural economy', 'a resilient rural economy'),
    proposer: { participantId: null, name: 'Kenya' },
    rationale: 'Resilience matters more.',
  });
  for (const [name, stance, note] of [['Peru', 'support', ''], ['Norway', 'objection', 'Too vague.'], ['Japan', 'reservation', 'Pending instructions.']] as const) {
    await call(server, 'stances:set', { paragraphId: point2.id, delegation: { participantId: null, name }, stance, note });
  }
}

test('the secretariat exports the compilation text from the drafting screen: Word in English, then HTML in Arabic', async ({ page, server }) => {
  await page.setViewportSize({ width: 1280, height: 1000 });
  const forumId = await openDemo(page, server.url);
  await negotiate(server, forumId);
  await page.goto(`${server.url.split('#')[0]}#/forum/${forumId}/drafting/${forumId}`);
  // The screen's keys work once it is on screen: a key pressed while it loads goes nowhere.
  await expect(page.getByRole('article', { name: 'Paragraph 6', exact: true })).toBeVisible();

  // Keyboard only: Ctrl+E opens the dialog on its first choice; the arrow picks the compilation text.
  await page.keyboard.press('Control+e');
  const dialog = page.getByRole('dialog', { name: x.titles.outcome });
  await expect(dialog.getByRole('radio', { name: x.what.document })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: x.what.compilation })).toBeChecked();
  await expect(dialog.getByText(x.compilation.hint)).toBeVisible();
  await expect(dialog.getByRole('group', { name: x.compilation.amendments.legend })).toBeVisible();
  // The document's own choices (annexes, version) are not the compilation's.
  await expect(dialog.getByRole('group', { name: x.annexes.legend })).toBeHidden();
  await dialog.getByRole('radio', { name: 'English' }).check();
  expect(await seriousViolations(page)).toEqual([]);
  if (process.env.PLENARY_SHOTS) await shoot(page, 'compilation', 'dialog-en', false);

  const word = await exportAndDownload(page, x.submit);
  expect(word.download.suggestedFilename()).toBe('songyang-consensus-2026-on-urban-rural-linkages-compilation-en.docx');
  const xml = strFromU8(unzipSync(new Uint8Array(word.bytes))['word/document.xml'] ?? new Uint8Array());
  expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
  expect(xml).toContain('<w:tblHeader/>');
  for (const text of ['Compilation text', 'Proposal 1 · Replacement text (open)', 'Kenya (1)', 'Norway — Too vague.', 'Resilience matters more.', 'No proposals']) {
    expect(xml, text).toContain(`>${text}</w:t>`);
  }
  await expect(dialog.getByRole('status')).toHaveText(x.saved.replace('{{fileName}}', word.download.suggestedFilename()));
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // In Arabic: the dialog, its choices and the file are right to left.
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: xa.open.outcome }).click();
  const arDialog = page.getByRole('dialog', { name: xa.titles.outcome });
  await arDialog.getByRole('radio', { name: xa.what.compilation }).check();
  await arDialog.getByRole('radio', { name: xa.format.html }).check();
  await arDialog.getByRole('radio', { name: 'العربية' }).check();
  await arDialog.getByRole('radio', { name: xa.compilation.amendments.open }).check();
  expect(await seriousViolations(page)).toEqual([]);
  if (process.env.PLENARY_SHOTS) await shoot(page, 'compilation', 'dialog-ar', false);
  const html = await exportAndDownload(page, xa.submit);
  expect(html.download.suggestedFilename()).toMatch(/-compilation-ar\.html$/);
  const page2 = html.bytes.toString('utf8');
  expect(page2).toMatch(/<html lang="ar" dir="rtl">/);
  expect(page2).toContain('<th scope="col" class="col-1">الفقرة</th>');
  expect(page2).toContain('<del>diversified</del><ins>resilient</ins>');
  expect(page2).toMatch(/<p class="diff" lang="en" dir="ltr">/);
});
