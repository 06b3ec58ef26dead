import en from '../../resources/locales/en/app.json' with { type: 'json' };
import ar from '../../resources/locales/ar/app.json' with { type: 'json' };
import draftingAr from '../../resources/locales/ar/drafting.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { pressInLayout } from './pressInLayout';
import { expect, test } from './serverFixture';

const d = draftingEn.drafting;
const point = (page: Page, number: number) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const panel = (page: Page) => page.getByRole('complementary');

async function openDemoDrafting(page: Page, url: string) {
  await openDemo(page, url);
}

async function goToDrafting(page: Page) {
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
}

/** "New paragraph from key messages": search, tick, create; the new point lands after the selected one. */
async function pointFromKeyMessages(page: Page, search: string, pick: string) {
  await page.getByRole('button', { name: d.actions.fromKeyMessages }).click();
  const dialog = page.getByRole('dialog', { name: d.picker.createTitle });
  await dialog.getByRole('searchbox', { name: d.picker.search }).fill(search);
  await dialog.getByRole('checkbox', { name: pick }).check();
  await dialog.getByRole('button', { name: 'Create the paragraph (1)' }).click();
  await expect(dialog).toBeHidden();
}

test('a drafting committee builds a six-point Consensus from key messages, keeps its translations in step and reads it in Arabic', async ({ page, server }) => {
  await openDemoDrafting(page, server.url);
  // The demo works in English, Chinese and Spanish; Arabic joins the working languages.
  await page.getByRole('link', { name: en.forum.edit }).click();
  await page.getByRole('checkbox', { name: 'Arabic' }).check();
  await page.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();

  // The overview sums the demo's draft up and leads to it.
  const outcome = page.getByRole('region', { name: 'Draft outcome: Consensus' });
  await expect(outcome.getByText('6 paragraphs', { exact: true })).toBeVisible();
  await expect(outcome.getByRole('list', { name: d.overview.byStatus }).getByRole('listitem')).toHaveText(['Draft 1', 'Proposed 1', 'Bracketed 1', 'Agreed 3', 'Agreed ad ref 0']);

  await goToDrafting(page);
  await expect(point(page, 6)).toBeVisible();

  // A new document starts from the forum's details: a Consensus numbers its points in words.
  await page.getByRole('button', { name: d.newDocument.button }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.newDocument.title })).toBeVisible();
  const title = page.getByRole('textbox', { name: 'Title in English' });
  await expect(title).toHaveValue('Forum on Urban-Rural Linkages');
  await expect(page.getByRole('combobox', { name: d.details.numbering })).toHaveValue('ordinal');
  await expect(page.getByRole('textbox', { name: 'Title in Arabic' })).toHaveAttribute('dir', 'rtl');
  await title.fill('Songyang Consensus 2026, second reading');
  await page.getByRole('button', { name: d.newDocument.create }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Songyang Consensus 2026, second reading' })).toBeVisible();
  await expect(page.getByText(d.noParagraphs)).toBeVisible();
  await expect(page.getByRole('combobox', { name: d.document, exact: true })).toBeVisible();

  // The details fold open; the lead-in is written there, and a wrong date is refused beside its field.
  await page.getByText(d.details.title, { exact: true }).click();
  const details = page.getByRole('form', { name: d.details.title });
  await details.getByRole('textbox', { name: 'Lead-in sentence in English' }).fill('We, the participants and co-organisers, have reached the following consensus:');
  await details.getByLabel(d.details.endDate).fill('2026-11-20');
  await details.getByRole('button', { name: d.details.save }).click();
  await expect(details.getByRole('alert')).toHaveText(en.validation.endBeforeStart);
  await details.getByLabel(d.details.endDate).fill('2026-11-25');
  await details.getByRole('button', { name: d.details.save }).click();
  await expect(details.getByRole('status')).toHaveText(d.details.saved);
  await expect(page.getByText('We, the participants and co-organisers, have reached the following consensus:', { exact: true })).toBeVisible();
  await page.getByText(d.details.title, { exact: true }).click();

  // Six points, each from the key messages of a session.
  await pointFromKeyMessages(page, 'shared agenda', 'Rural revitalisation is a shared agenda for cities and the countryside');
  await pointFromKeyMessages(page, 'intermediary cities', 'Intermediary cities and local governments need a stronger voice');
  await pointFromKeyMessages(page, 'heritage', 'Heritage is best protected together with the communities');
  // The fourth by keyboard alone, from two key messages: M, type, ↓, Space, ↓, Space, Enter.
  await expect(point(page, 3)).toBeFocused();
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: d.picker.createTitle });
  await expect(dialog.getByRole('searchbox', { name: d.picker.search })).toBeFocused();
  await page.keyboard.type('Rural Tourism and the Creative');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('checkbox', { name: /^Rural tourism should keep its benefits/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect(dialog.getByRole('checkbox', { name: /^Authenticity depends/ })).toBeChecked();
  await expect(dialog.getByRole('status')).toHaveText('Ticked: 2');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await pointFromKeyMessages(page, 'single territory', 'Good practice now plans cities, towns and their rural surroundings');
  await pointFromKeyMessages(page, 'adaptation finance', 'Adaptation finance should reach villages directly');

  const ordinals = ['First, ', 'Second, ', 'Third, ', 'Fourth, ', 'Fifth, ', 'Sixth, '];
  await expect(page.getByRole('list', { name: d.reader.paragraphs }).getByRole('article')).toHaveCount(6);
  for (const [index, word] of ordinals.entries()) await expect(point(page, index + 1).getByRole('paragraph')).toHaveText(new RegExp(`^${word}`));
  await expect(point(page, 4).getByRole('paragraph')).toHaveText(/^Fourth, Rural tourism should keep .*Authenticity depends/);
  await expect(point(page, 1).getByRole('list', { name: d.translation.label }).getByRole('listitem')).toHaveText(['Arabic: missing']);

  // Point 1 translated into Chinese, Spanish and Arabic, then its English changed: all three out of date.
  await point(page, 1).click();
  const editor = panel(page);
  await expect(editor.getByRole('heading', { name: 'Paragraph 1' })).toBeVisible();
  await editor.getByRole('textbox', { name: 'Text in Chinese' }).fill('乡村振兴是城市和乡村的共同议程。');
  await editor.getByRole('textbox', { name: 'Text in Spanish' }).fill('La revitalización rural es una agenda compartida por las ciudades y el campo.');
  await editor.getByRole('textbox', { name: 'Text in Arabic' }).fill('تنمية الريف جدول أعمال مشترك بين المدن والأرياف.');
  await editor.getByRole('textbox', { name: 'Text in Arabic' }).blur();
  await expect(point(page, 1).getByRole('list', { name: d.translation.label })).toHaveCount(0);
  const english = editor.getByRole('textbox', { name: 'Text in English (source)' });
  await english.fill('Rural revitalisation is a shared agenda for cities and the countryside alike.');
  await english.blur();
  const marks = point(page, 1).getByRole('list', { name: d.translation.label });
  for (const language of ['Chinese', 'Spanish', 'Arabic']) await expect(marks.getByText(`${language}: out of date`, { exact: true })).toBeVisible();
  await expect(marks.getByRole('listitem')).toHaveCount(3);
  await expect(editor.getByText(d.editor.outdated)).toHaveCount(3);
  await expect(editor.getByRole('textbox', { name: 'Text in Chinese' })).toHaveAccessibleDescription(d.editor.outdated);

  // An empty paragraph is refused with the core's message, beside the box: in the editor and for a new one.
  await english.fill('');
  await english.blur();
  await expect(editor.getByRole('alert')).toHaveText(en.validation.emptyParagraph);
  await expect(english).toHaveAttribute('aria-invalid', 'true');
  await english.fill('Rural revitalisation is a shared agenda for cities and the countryside alike.');
  await english.blur();
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: d.actions.newParagraph, exact: true }).click();
  const composer = page.getByRole('form', { name: d.composer.title });
  await expect(composer.getByRole('textbox', { name: 'New paragraph text in English' })).toBeFocused();
  await composer.getByRole('button', { name: d.composer.add }).click();
  await expect(composer.getByRole('alert')).toHaveText(en.validation.emptyParagraph);
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();
  await expect(page.getByRole('list', { name: d.reader.paragraphs }).getByRole('article')).toHaveCount(6);

  // Read in Arabic: the ordinal words follow the reading language, whatever the interface speaks. A
  // paragraph not yet in Arabic shows its English, marked, as one English sentence.
  await page.getByRole('combobox', { name: d.readingLanguage }).selectOption('ar');
  await expect(point(page, 1).getByRole('paragraph')).toHaveText(/^أولاً، تنمية الريف/);
  await expect(point(page, 1).getByRole('paragraph')).toHaveAttribute('dir', 'rtl');
  await expect(point(page, 1).getByText(/^أولاً، تنمية الريف/)).toHaveAttribute('lang', 'ar');
  await expect(point(page, 2).getByRole('paragraph')).toHaveText(/^Second, Intermediary cities .*\(English, not yet translated\)$/);

  // Then the interface in Arabic too: right to left, its own names, the same ordinal words.
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const a = draftingAr.drafting;
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeVisible();
  await expect(page.getByRole('combobox', { name: a.readingLanguage })).toHaveValue('ar');
  const arabicPoint = (number: number) => page.getByRole('article', { name: `الفقرة ${number}`, exact: true });
  await expect(arabicPoint(1).getByRole('paragraph')).toHaveText(/^أولاً، /);
  await expect(arabicPoint(1).getByText(ar.paragraphStatus.draft, { exact: true })).toBeVisible();
  await arabicPoint(2).click();
  const arabicText = panel(page).getByRole('textbox', { name: 'النص باللغة العربية' });
  await arabicText.fill('تحتاج المدن الوسيطة والحكومات المحلية إلى صوت أقوى وتمويل لامركزي.');
  await arabicText.blur();
  await expect(arabicPoint(2).getByRole('paragraph')).toHaveText(/^ثانياً، تحتاج المدن الوسيطة/);
  await expect(arabicPoint(6).getByRole('paragraph')).toHaveText(/^Sixth, /);
  // English again as the reading language: "First," even with the interface in Arabic.
  await page.getByRole('combobox', { name: a.readingLanguage }).selectOption('en');
  await expect(arabicPoint(1).getByRole('paragraph')).toHaveText(/^First, Rural revitalisation/);
});

test('paragraphs are selected, moved, headed, traced to their sources, deleted and brought back from the keyboard', async ({ page, server }) => {
  await openDemoDrafting(page, server.url);
  await goToDrafting(page);
  const list = page.getByRole('list', { name: d.reader.paragraphs });
  await expect(list.getByRole('article')).toHaveCount(6);
  await expect(page.getByText(d.selectHint)).toBeVisible();

  // Tab reaches the document's first paragraph; J and K (and the arrows) walk through it.
  await point(page, 1).focus();
  await expect(point(page, 1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('ArrowDown');
  await expect(point(page, 3)).toBeFocused();
  await page.keyboard.press('k');
  await expect(point(page, 2)).toBeFocused();
  await expect(panel(page).getByRole('heading', { name: 'Paragraph 2' })).toBeVisible();

  // Alt+↓ moves it down: the economy becomes the third point, and the heritage text the second.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(point(page, 3).getByRole('paragraph')).toHaveText(/^Third, we will support a diversified rural economy/);
  await expect(point(page, 2).getByRole('paragraph')).toHaveText(/^Second, culture, both tangible/);
  await page.getByRole('button', { name: d.actions.moveUp }).click();
  await expect(point(page, 2).getByRole('paragraph')).toHaveText(/^Second, we will support a diversified rural economy/);

  // Its sources: the key messages behind it, and a new set picked in the dialog.
  const tabs = panel(page).getByRole('tablist', { name: d.tabs.label });
  await tabs.getByRole('tab', { name: d.tabs.text }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: d.tabs.sources })).toHaveAttribute('aria-selected', 'true');
  const sources = panel(page).getByRole('list', { name: d.sources.title });
  await expect(sources.getByRole('listitem')).toHaveCount(3);
  await panel(page).getByRole('button', { name: d.sources.edit }).click();
  const picker = page.getByRole('dialog', { name: d.picker.sourcesTitle });
  const tourism = picker.getByRole('checkbox', { name: /^Rural tourism should keep its benefits/ });
  await expect(tourism).toBeChecked();
  await tourism.uncheck();
  await picker.getByRole('button', { name: d.picker.saveSources }).click();
  await expect(picker).toBeHidden();
  await expect(sources.getByRole('listitem')).toHaveCount(2);

  // H adds a section heading after the selected point; the points keep their numbers.
  await point(page, 2).focus();
  await page.keyboard.press('h');
  const composer = page.getByRole('form', { name: d.composer.title });
  await expect(composer.getByRole('combobox', { name: d.composer.kind })).toHaveValue('heading');
  await page.keyboard.type('Culture and heritage');
  await page.keyboard.press('Control+Enter');
  await expect(list.getByRole('heading', { level: 3, name: 'Culture and heritage' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Heading, item 3' })).toBeFocused();
  await expect(point(page, 3).getByRole('paragraph')).toHaveText(/^Third, culture, both tangible/);

  // Delete, then Ctrl+Z.
  await point(page, 4).click();
  await point(page, 4).focus();
  await page.keyboard.press('Delete');
  await expect(list.getByRole('article')).toHaveCount(6);
  await expect(page.getByRole('status').getByText('Paragraph 4 deleted.')).toBeVisible();
  await expect(point(page, 4).getByRole('paragraph')).toHaveText(/^Fourth, people are at the heart/);
  await page.keyboard.press('Control+z');
  await expect(list.getByRole('article')).toHaveCount(7);
  await expect(point(page, 4).getByRole('paragraph')).toHaveText(/^Fourth, cities, towns and villages/);
  await expect(point(page, 4).getByText(/^\[establish a unified urban-rural market/)).toHaveAttribute('title', d.paragraph.bracketedHint);

  // Ctrl+Shift+B puts the selected words in brackets, and the paragraph becomes bracketed (Ctrl+B is bold).
  await point(page, 6).click();
  await panel(page).getByRole('tab', { name: d.tabs.text }).click();
  const sixth = panel(page).getByRole('textbox', { name: 'Text in English (source)' });
  await sixth.evaluate((box: HTMLTextAreaElement) => {
    const at = box.value.indexOf('inspiring practices');
    box.focus();
    box.setSelectionRange(at, at + 'inspiring practices'.length);
  });
  await page.keyboard.press('Control+Shift+b');
  await expect(sixth).toHaveValue(/share \[inspiring practices\] of rural/);
  await expect(panel(page).getByRole('combobox', { name: d.editor.status })).toHaveValue('bracketed');
  await expect(point(page, 6).getByText(en.paragraphStatus.bracketed, { exact: true })).toBeVisible();
  await expect(point(page, 6).getByText('[inspiring practices]', { exact: true })).toHaveAttribute('title', d.paragraph.bracketedHint);

  // All of it kept across a reload; the shortcuts are listed on screen.
  await page.reload();
  await expect(list.getByRole('article')).toHaveCount(7);
  await expect(point(page, 2).getByRole('paragraph')).toHaveText(/^Second, we will support a diversified rural economy/);
  await page.keyboard.press('?');
  // Alt+↑ moves a paragraph, and in the Speakers tab a speaker: the first is the paragraph's.
  await expect(page.getByRole('term').filter({ hasText: 'Alt+↑' }).first()).toBeVisible();
  await expect(page.getByText(d.shortcuts.bracket)).toBeVisible();
  // The same key in an Arabic layout types ؟, and closes the list again.
  await pressInLayout(page, 'Slash', '؟', { shift: true });
  await expect(page.getByRole('term').filter({ hasText: 'Alt+↑' })).toHaveCount(0);
  // P projects the selected paragraph, from the key labelled P in an Arabic layout (ح).
  await point(page, 1).click();
  await pressInLayout(page, 'KeyP', 'ح');
  await expect(page).toHaveURL(/\/drafting\/[^/]+\/projector\/[^/]+$/);
});
