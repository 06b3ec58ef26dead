import fs from 'node:fs';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import translatorsEn from '../../resources/locales/en/translators.json' with { type: 'json' };
import { call } from './laptops';
import { lookAt } from './lookAt';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const x = translatorsEn.translators;
const fill = (text: string, values: Record<string, string | number>) => text.replace(/{{(\w+)}}/g, (_, key: string) => String(values[key] ?? ''));

/** Stands in for a CAT tool: every unit gets a target, its source's words prefixed, its codes kept. */
const translate = (xml: string) =>
  xml.replace(/\s*<target[^>]*>[\s\S]*?<\/target>/g, '').replace(/<source>([\s\S]*?)<\/source>/g, (source: string, content: string) => `${source}\n    <target>[es] ${content}</target>`);

test('the secretariat sends the Consensus to Spanish translators and takes their file back, previewed first; a bomb is refused', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: draftingEn.drafting.title })).toBeVisible();

  // Keyboard first: Ctrl+Shift+E opens the dialog on its first choice (once the document is shown).
  await expect(page.getByRole('button', { name: x.open })).toHaveAttribute('aria-keyshortcuts', 'Control+Shift+E');
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog', { name: x.title });
  await expect(dialog).toBeVisible();
  // The same dialog whatever the interface language (its name is translated).
  const anyLanguage = page.locator('dialog.translators-dialog');
  const language = dialog.getByRole('combobox', { name: x.send.lang });
  await expect(language).toBeFocused();
  await language.selectOption({ label: 'Spanish' });
  await expect(dialog.getByRole('radio', { name: x.send.whats.document })).toBeChecked();

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: x.send.submit }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^[a-z0-9-]+-consensus-en-es\.xlf$/);
  const xml = fs.readFileSync(await download.path(), 'utf8');
  expect(xml).toContain('srcLang="en" trgLang="es"');
  await expect(dialog.getByRole('status').first()).toContainText(download.suggestedFilename());
  await lookAt(page, 'xliff', 'sent', anyLanguage);

  const picker = dialog.getByLabel(x.receive.choose);
  await picker.setInputFiles({ name: 'consensus-es.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(translate(xml)) });
  const units = (xml.match(/<unit /g) ?? []).length;
  const preview = dialog.getByRole('region', { name: x.receive.title });
  await expect(preview.getByRole('listitem').first()).toHaveText(/^Translations to write: \d+$/);
  const toWrite = Number(/(\d+)$/.exec((await preview.getByRole('listitem').first().textContent()) ?? '')?.[1]);
  expect(toWrite).toBeGreaterThan(0);
  expect(toWrite).toBeLessThanOrEqual(units);
  // Nothing is written before the button is pressed.
  const before = await call(server, 'outcome:get', { documentId: forumId });
  expect(before.paragraphs.some((p) => (p.text.es ?? '').startsWith('[es]'))).toBe(false);
  await lookAt(page, 'xliff', 'preview', anyLanguage);

  await preview.getByRole('button', { name: fill(x.receive.submit, { count: toWrite }) }).click();
  await expect(preview.getByRole('status')).toHaveText(fill(x.receive.done, { count: toWrite }));
  const after = await call(server, 'outcome:get', { documentId: forumId });
  expect(after.paragraphs.filter((p) => (p.text.es ?? '').startsWith('[es]')).length).toBeGreaterThan(0);

  // The same file again writes nothing; a file with a DOCTYPE is refused, in the user's language.
  await picker.setInputFiles({ name: 'consensus-es.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(translate(xml)) });
  await expect(preview.getByRole('listitem').first()).toHaveText('Translations to write: 0');
  await expect(preview.getByRole('button', { name: fill(x.receive.submit, { count: 0 }) })).toBeDisabled();
  const bomb = translate(xml).replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>');
  await picker.setInputFiles({ name: 'bomb.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(bomb) });
  await expect(preview.getByRole('alert')).toContainText(en.errors.xliff_doctype);
  await lookAt(page, 'xliff', 'refused', anyLanguage);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
