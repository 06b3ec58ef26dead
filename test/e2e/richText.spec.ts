import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { lookAt } from './lookAt';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const d = draftingEn.drafting;
const point = (page: Page, number: number) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const panel = (page: Page) => page.getByRole('complementary');

test('a drafter makes words bold, italic and a link, adds a footnote with the keyboard, and reads it rendered', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
  await point(page, 2).click();
  await panel(page).getByRole('tab', { name: d.tabs.text }).click();
  const box = panel(page).getByRole('textbox', { name: 'Text in English (source)' });
  const select = (words: string) =>
    box.evaluate((element: HTMLTextAreaElement, w: string) => {
      const at = element.value.indexOf(w);
      element.focus();
      element.setSelectionRange(at, at + w.length);
    }, words);

  // Ctrl+B and Ctrl+I put the selected words in bold and italics.
  await select('diversified');
  await page.keyboard.press('Control+b');
  await expect(box).toHaveValue(/a \*\*diversified\*\* rural economy/);
  await select('rural economy');
  await page.keyboard.press('Control+i');
  await expect(box).toHaveValue(/\*\*diversified\*\* \*rural economy\*/);

  // Ctrl+K asks for the address below the buttons; Enter makes the words a link.
  await select('support');
  await page.keyboard.press('Control+k');
  const address = panel(page).getByRole('textbox', { name: d.rich.linkAddress });
  await expect(address).toBeFocused();
  await address.fill('https://unhabitat.org');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(/\[support\]\(https:\/\/unhabitat\.org\)/);

  // A footnote from the toolbar, by keyboard: its reference after the selected words, its note at the end.
  await select('economy');
  const toolbar = panel(page).getByRole('toolbar', { name: d.rich.toolbar.replace('{{language}}', 'English') });
  await toolbar.getByRole('button', { name: d.rich.note }).focus();
  await page.keyboard.press('Enter');
  const noteText = panel(page).getByRole('textbox', { name: d.rich.noteText });
  await expect(noteText).toBeFocused();
  await page.keyboard.type('Agreed in the plenary of 25 November.');
  await page.keyboard.press('Enter');
  await expect(box).toHaveValue(/economy\*\[\^1\][\s\S]*\n\n\[\^1\]: Agreed in the plenary of 25 November\.$/);

  // The list of paragraphs shows it rendered: no markers, the note numbered and listed.
  const second = point(page, 2);
  await expect(second.locator('strong')).toHaveText('diversified');
  await expect(second.locator('em')).toHaveText('rural economy');
  await expect(second.getByRole('link', { name: 'support' })).toHaveAttribute('href', 'https://unhabitat.org');
  await expect(second.locator('sup.note-ref')).toHaveText('1');
  await expect(second.locator('.rich-notes').getByRole('listitem')).toHaveText('Agreed in the plenary of 25 November.');
  await expect(second).not.toContainText('**');
  // The preview under the box too.
  await expect(panel(page).getByRole('region', { name: d.rich.preview }).locator('strong')).toHaveText('diversified');

  // A link to anything but the web or e-mail is named as it is typed, and refused.
  await box.press('End');
  await box.pressSequentially(' [x](javascript:alert(1))');
  await expect(panel(page).getByText('The link to “javascript:alert(1)” cannot be kept', { exact: false })).toBeVisible();
  for (let i = 0; i < ' [x](javascript:alert(1))'.length; i += 1) await box.press('Backspace');
  await expect(panel(page).getByText('The link to “javascript:alert(1)” cannot be kept', { exact: false })).toBeHidden();

  // Kept across a reload.
  await page.reload();
  await expect(point(page, 2).locator('strong')).toHaveText('diversified');
  await point(page, 2).click();
  // Photographed (and checked by axe) in English and Arabic; the paragraph found by its id, which no language changes.
  const id = await point(page, 2).getAttribute('data-paragraph');
  await lookAt(page, 'drafting', 'rich-text', page.locator(`[data-paragraph="${id ?? ''}"]`));

  // A new paragraph takes the same formatting keys before it is added.
  await page.getByRole('button', { name: d.actions.newParagraph, exact: true }).click();
  const composer = page.getByRole('form', { name: d.composer.title });
  const newBox = composer.getByRole('textbox', { name: 'New paragraph text in English' });
  await newBox.fill('We thank the hosts.');
  await newBox.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(3, 8));
  await page.keyboard.press('Control+b');
  await expect(newBox).toHaveValue('We **thank** the hosts.');
  await page.keyboard.press('Control+Enter');
  await expect(point(page, 3).locator('strong')).toHaveText('thank');
});
