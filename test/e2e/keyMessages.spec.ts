import en from '../../resources/locales/en/app.json' with { type: 'json' };
import keyMessagesEn from '../../resources/locales/en/keyMessages.json' with { type: 'json' };
import proseSaveEn from '../../resources/locales/en/proseSave.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const km = keyMessagesEn.keyMessages;
const tourism = 'Parallel Session B: Rural Tourism and the Creative Economy';
const card = (page: Page, number: number, session = tourism) => page.getByRole('article', { name: `Key message ${number}, ${session}`, exact: true });

async function openDemoKeyMessages(page: Page, url: string) {
  await openDemo(page, url);
  await page.getByRole('link', { name: en.forumNav.keyMessages }).click();
  await expect(page.getByRole('heading', { level: 1, name: km.title })).toBeVisible();
}

test('two key messages saying the same thing merge into one that keeps both sets of sources, and the merge can be undone', async ({ page, server }) => {
  await openDemoKeyMessages(page, server.url);
  const session = page.getByRole('region', { name: tourism });
  await expect(session.getByRole('article')).toHaveCount(4);
  const progressRow = page.getByRole('row', { name: new RegExp(tourism) });
  await expect(progressRow.getByRole('cell').nth(1)).toHaveText('4');

  // The first message of the tourism session cites Anji's village collective and the Kenyan conservancies;
  // the third cites the tea group and the discussion on housing costs.
  const first = card(page, 1);
  const sources = first.getByRole('list', { name: km.sources.title });
  await expect(sources.getByRole('listitem')).toHaveCount(2);
  await expect(sources.getByText(/安吉的经验/)).toHaveAttribute('lang', 'zh');

  await first.getByRole('checkbox', { name: km.card.select }).check();
  await card(page, 3).getByRole('checkbox', { name: km.card.select }).check();
  const bar = page.getByRole('group', { name: km.mergeBar.label });
  await expect(bar.getByText('Selected for merging: 2 of 2')).toBeVisible();
  await bar.getByRole('button', { name: km.mergeBar.merge }).click();

  const dialog = page.getByRole('dialog', { name: km.merge.title });
  await expect(dialog).toBeVisible();
  const english = dialog.getByRole('group', { name: 'English' });
  await expect(english.getByText(/^Carrying capacity, housing costs/)).toBeVisible();
  await english.getByRole('button', { name: km.merge.useBoth }).click();
  await expect(english.getByRole('textbox', { name: 'Merged text in English' })).toHaveValue(/^Rural tourism should keep .* Carrying capacity, housing costs/);
  await dialog.getByRole('button', { name: km.merge.confirm, exact: true }).click();
  await expect(dialog).toBeHidden();

  // One message fewer; the kept one carries its own sources and the merged one's (the shared note once).
  await expect(page.getByRole('status').getByText(km.undo.merged)).toBeVisible();
  await expect(session.getByRole('article')).toHaveCount(3);
  await expect(sources.getByRole('listitem')).toHaveCount(4);
  await expect(sources.getByText(/安吉的经验/)).toBeVisible();
  await expect(sources.getByText(/^Ye \(tea group\)/)).toBeVisible();
  await expect(sources.getByText(/^Discussion: several speakers flagged/)).toBeVisible();
  await expect(first.getByRole('textbox', { name: 'Text in English (source)' })).toHaveValue(/Carrying capacity, housing costs/);
  await expect(progressRow.getByRole('cell').nth(1)).toHaveText('3');

  // Undo brings the merged message back, and the kept one's text as it was.
  await expect(page.getByRole('button', { name: km.undo.button })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').getByText(km.undo.unmerged)).toBeVisible();
  await expect(session.getByRole('article')).toHaveCount(4);
  await expect(card(page, 3).getByRole('textbox', { name: 'Text in English (source)' })).toHaveValue(/^Carrying capacity, housing costs/);
  await expect(first.getByRole('textbox', { name: 'Text in English (source)' })).not.toHaveValue(/Carrying capacity/);
  await expect(progressRow.getByRole('cell').nth(1)).toHaveText('4');
});

test('a rapporteur orders, edits, themes, validates and deletes key messages, all kept across a reload', async ({ page, server }) => {
  await openDemoKeyMessages(page, server.url);
  const session = page.getByRole('region', { name: tourism });
  const englishOf = (number: number) => card(page, number).getByRole('textbox', { name: 'Text in English (source)' });
  await expect(englishOf(1)).toHaveValue(/^Rural tourism should keep/);

  // Move down with the button, back up with Alt+ArrowUp from inside the message.
  await card(page, 1).getByRole('button', { name: km.card.moveDown }).click();
  await expect(englishOf(2)).toHaveValue(/^Rural tourism should keep/);
  await expect(englishOf(1)).toHaveValue(/^Authenticity depends/);
  await englishOf(2).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(englishOf(1)).toHaveValue(/^Rural tourism should keep/);
  await expect(englishOf(1)).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(englishOf(3)).toHaveValue(/^Rural tourism should keep/);

  // Text saves itself as it is typed; the theme when the box is left; the chair's validation at once.
  const spanish = card(page, 4).getByRole('textbox', { name: 'Text in Spanish' });
  await spanish.fill('Los sellos internacionales dan visibilidad a los pueblos.');
  const theme = card(page, 4).getByRole('combobox', { name: km.card.theme });
  await theme.fill('Recognition schemes');
  await theme.press('Enter');
  await card(page, 4).getByRole('checkbox', { name: km.card.validated }).check();
  await expect(card(page, 4).getByText(km.status.validated, { exact: true })).toBeVisible();
  await expect(card(page, 4).getByText(proseSaveEn.proseSave.saved, { exact: true })).toBeVisible();

  // Delete, then Ctrl+Z.
  await card(page, 2).getByRole('button', { name: km.card.delete }).click();
  await expect(session.getByRole('article')).toHaveCount(3);
  await expect(page.getByRole('status').getByText(km.undo.deleted)).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(session.getByRole('article')).toHaveCount(4);

  await page.reload();
  await expect(englishOf(3)).toHaveValue(/^Rural tourism should keep/);
  await expect(spanish).toHaveValue('Los sellos internacionales dan visibilidad a los pueblos.');
  await expect(card(page, 4).getByRole('combobox', { name: km.card.theme })).toHaveValue('Recognition schemes');
  await expect(card(page, 4).getByRole('checkbox', { name: km.card.validated })).toBeChecked();
  const progressRow = page.getByRole('row', { name: new RegExp(tourism) });
  await expect(progressRow.getByRole('cell').nth(2)).toHaveText('1');

  // The board gathers messages by theme across sessions.
  await page.getByRole('button', { name: km.views.theme }).click();
  const column = page.getByRole('region', { name: /^Recognition schemes/ });
  await expect(column.getByRole('article')).toHaveCount(1);
  await expect(column.getByText(/^International recognition schemes/)).toBeVisible();
});
