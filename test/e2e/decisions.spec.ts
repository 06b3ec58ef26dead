import fs from 'node:fs';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import decisionsEn from '../../resources/locales/en/decisions.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import exportsEn from '../../resources/locales/en/exports.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { lookAt } from './lookAt';
import { vote } from './negotiationSteps';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const d = decisionsEn.decisions;
const x = exportsEn.exports;
const point = (page: Page, number: string) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const panel = (page: Page) => page.getByRole('complementary');

test('the secretariat records the document adopted by a recorded vote from the keyboard, with an explanation of vote printed as a footnote; in English and Arabic', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: draftingEn.drafting.title })).toBeVisible();

  // D opens the Decisions tab of the selected paragraph; it decides the whole document unless told otherwise.
  await point(page, '1').focus();
  await page.keyboard.press('d');
  await expect(panel(page).getByRole('tab', { name: d.tab })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page).getByRole('radio', { name: d.scope.document })).toBeChecked();
  await expect(panel(page).getByRole('status').filter({ hasText: d.none })).toBeVisible();

  // A vote file with an unknown delegation is refused line by line, and nothing is recorded.
  await panel(page).getByRole('button', { name: d.recordVote }).click();
  await panel(page).getByLabel(d.file.choose).setInputFiles({ name: 'vote.csv', mimeType: 'text/csv', buffer: Buffer.from('delegation,vote\nKenya,yes\nAtlantis,no\n') });
  await expect(panel(page).getByRole('alert')).toContainText('Line 3: “Atlantis” is not a delegation of this forum.');
  await expect(panel(page).getByRole('status').filter({ hasText: d.none })).toBeVisible();

  // The grid: type to find the delegation, arrow down to it, Y, N or A.
  await vote(page, 'Kenya', 'y');
  await vote(page, 'China', 'y');
  await vote(page, 'Mexico', 'n');
  await vote(page, 'France', 'a');
  const outcome = panel(page).locator('.decision-outcome');
  await expect(outcome).toContainText('Recorded vote: 2 yes, 1 no, 1 abstaining, 0 absent. Adopted.');
  await expect(panel(page).getByText(d.majority)).toBeVisible();

  // Mexico explains its vote, in Spanish.
  const statements = panel(page).locator('form.statement-form');
  await statements.getByRole('combobox', { name: d.delegation }).fill('Mexico');
  await statements.getByRole('combobox', { name: d.statements.language }).selectOption('es');
  await statements.getByRole('textbox', { name: d.statements.text }).fill('México votó en contra porque el párrafo 2 no refleja su posición.');
  await statements.getByRole('button', { name: d.statements.add }).click();
  const explained = panel(page).locator('.statement-list li');
  await expect(explained).toContainText('Explanation of vote · Mexico');
  await expect(explained.locator('p')).toHaveAttribute('lang', 'es');

  await panel(page).getByRole('searchbox', { name: d.grid.filter }).fill('');
  await lookAt(page, 'decisions', 'vote', panel(page).locator('.decisions-panel'));

  // The document as HTML: the explanation is a note in Spanish, and the decisions annex gives the tally.
  await page.getByRole('button', { name: x.open.outcome }).click();
  const dialog = page.getByRole('dialog', { name: x.titles.outcome });
  await dialog.getByRole('radio', { name: x.format.html }).check();
  await dialog.getByRole('checkbox', { name: x.annexes.decisions }).check();
  await expect(dialog.getByRole('radio', { name: x.explanations.footnotes })).toBeChecked();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: x.submit, exact: true }).click();
  const html = fs.readFileSync(await (await downloading).path()).toString('utf8');
  expect(html).toMatch(/<li id="note-en-\d+" value="\d+" lang="es" dir="ltr">.*Explicación de voto \(México\): México votó en contra porque el párrafo 2 no refleja su posición\./);
  expect(html).toContain('Recorded vote: 2 in favour, 1 against, 1 abstaining, 0 absent.');
  expect(html).toMatch(/<section class="annex annex-decisions"/);
});

test('the secretariat circulates the document under silence procedure and records an objection that breaks the silence; in English and Arabic', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await point(page, '1').focus();
  await page.keyboard.press('d');
  const silence = panel(page).locator('section.silence-procedure');
  await expect(silence.getByRole('spinbutton', { name: d.silence.hours })).toHaveValue('72');
  await expect(silence.getByRole('combobox', { name: d.silence.circulate })).toHaveValue('');
  await silence.getByRole('button', { name: d.silence.start }).click();
  await expect(silence).toContainText(d.silence.state.open);
  // The deadline moves, typed on the venue's clock.
  await silence.getByLabel(d.silence.deadline).fill('2030-01-15T17:00');
  await silence.getByRole('button', { name: d.silence.move }).click();
  await expect(silence.locator('.silence p').first()).toContainText('5:00 PM');

  const form = silence.locator('form.objection-form');
  await form.getByRole('combobox', { name: d.silence.objector }).fill('China');
  await form.getByRole('combobox', { name: d.statements.language }).selectOption('zh');
  await form.getByRole('textbox', { name: d.silence.objection }).fill('我们反对第三段。');
  await form.getByRole('button', { name: d.silence.object }).click();
  await expect(silence).toContainText(d.silence.state.broken);
  await expect(silence.getByRole('list', { name: d.silence.objections }).locator('p')).toHaveAttribute('lang', 'zh');
  await lookAt(page, 'decisions', 'silence', silence);
});
