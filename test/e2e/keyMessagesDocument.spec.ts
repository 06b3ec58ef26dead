import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import generatedEn from '../../resources/locales/en/generatedDocument.json' with { type: 'json' };
import keyMessagesEn from '../../resources/locales/en/keyMessages.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const d = draftingEn.drafting;
const g = generatedEn.generatedDocument;
const km = keyMessagesEn.keyMessages;
const tourism = 'Parallel Session B: Rural Tourism and the Creative Economy';
const card = (page: Page, number: number) => page.getByRole('article', { name: `Key message ${number}, ${tourism}`, exact: true });
// The demo's chairs validated the key messages of four sessions (14 messages under 4 headings): a
// new document takes those too, beside the tourism session's heading and the two validated here.
const generated = 3 + 18;
const summary = (added: number, updated: number, kept: number, withdrawn: number) =>
  g.summary.replace('{{added}}', String(added)).replace('{{updated}}', String(updated)).replace('{{kept}}', String(kept)).replace('{{withdrawn}}', String(withdrawn));

test('a Key messages document is generated from the validated key messages, refreshed, and its additions taken back', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.keyMessages }).click();
  await expect(page.getByRole('heading', { level: 1, name: km.title })).toBeVisible();
  for (const number of [2, 4]) {
    await card(page, number).getByRole('checkbox', { name: km.card.validated }).check();
    await expect(card(page, number).getByText(km.status.validated, { exact: true })).toBeVisible();
  }

  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await page.getByRole('button', { name: d.newDocument.button }).click();
  await page.getByRole('combobox', { name: d.details.kind }).selectOption('key_messages');
  await page.getByRole('textbox', { name: 'Title in English' }).fill('Key messages of the forum');
  await page.getByRole('button', { name: d.newDocument.create }).click();
  const generator = page.getByRole('region', { name: g.title });
  await expect(generator).toBeVisible();

  await generator.getByRole('button', { name: g.generate }).click();
  await expect(generator.getByRole('status')).toContainText(summary(generated, 0, 0, 0));
  const reader = page.locator('.drafting-reader');
  const paragraphs = reader.getByRole('article', { name: /^(Heading|Paragraph)\b/ });
  await expect(reader).toContainText(tourism);
  await expect(paragraphs).toHaveCount(generated);

  // The run's additions can be taken back; generating again brings them back.
  await generator.getByRole('button', { name: g.undo }).click();
  await expect(generator.getByRole('status')).toContainText(g.undone);
  await expect(paragraphs).toHaveCount(0);
  await generator.getByRole('button', { name: g.generate }).click();
  await expect(generator.getByRole('status')).toContainText(summary(generated, 0, 0, 0));
  await expect(paragraphs).toHaveCount(generated);

  // Nothing new: a refresh changes nothing.
  await generator.getByRole('button', { name: g.refresh }).click();
  await expect(generator.getByRole('status')).toContainText(summary(0, 0, 0, 0));
  await expect(paragraphs).toHaveCount(generated);
});
