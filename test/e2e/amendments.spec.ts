import amendmentsAr from '../../resources/locales/ar/amendments.json' with { type: 'json' };
import amendmentsEn from '../../resources/locales/en/amendments.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import coverageEn from '../../resources/locales/en/coverage.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { shoot, skipUnlessShots } from './screenshots';
import { expect, test } from './serverFixture';

const am = amendmentsEn.amendments;
const cov = coverageEn.coverage;
const dr = draftingEn.drafting;
const foodSystems = 'Parallel Session D: Territorial Food Systems and Short Supply Chains';


const hashOf = (page: Page) => new URL(page.url()).hash;

/** Selects a point of the draft and opens one of its panel's tabs. */
async function openPoint(page: Page, number: number, tab: string) {
  await page.getByRole('article', { name: `Paragraph ${number}`, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: `Paragraph ${number}`, exact: true })).toBeVisible();
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
}

async function propose(page: Page, edit: (text: string) => string, proposer: { name?: string; participant?: string }, rationale: string) {
  const panel = page.getByRole('region', { name: am.title, exact: true });
  await panel.getByRole('button', { name: am.propose.open }).click();
  const form = panel.getByRole('form', { name: am.propose.title });
  await expect(form.getByRole('radio', { name: am.kind.replace })).toBeChecked();
  const text = form.getByRole('textbox', { name: am.propose.text });
  await text.fill(edit(await text.inputValue()));
  if (proposer.name) await form.getByRole('textbox', { name: am.delegation.name }).fill(proposer.name);
  if (proposer.participant) {
    const picker = form.getByRole('combobox', { name: am.delegation.participant });
    await picker.pressSequentially(proposer.participant);
    await expect(page.getByRole('option', { name: new RegExp(proposer.participant) })).toBeVisible();
    await picker.press('Enter');
  }
  await form.getByRole('textbox', { name: am.propose.rationale }).fill(rationale);
  await form.getByRole('button', { name: am.propose.submit, exact: true }).click();
  await expect(form).toBeHidden();
  return panel;
}

test('two competing amendments to point 3: one accepted, the other reviewed before it is accepted over the change', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await openPoint(page, 3, dr.tabs.amendments);
  const point3 = page.getByRole('article', { name: 'Paragraph 3', exact: true });

  // An empty replacement is refused beside the field, and nothing is proposed.
  const panel = page.getByRole('region', { name: am.title, exact: true });
  await expect(panel.getByText(am.none)).toBeVisible();
  await panel.getByRole('button', { name: am.propose.open }).click();
  const form = panel.getByRole('form', { name: am.propose.title });
  await form.getByRole('textbox', { name: am.propose.text }).fill('   ');
  await form.getByRole('textbox', { name: am.delegation.name }).fill('Kenya');
  await form.getByRole('button', { name: am.propose.submit, exact: true }).click();
  await expect(form.getByRole('textbox', { name: am.propose.text })).toHaveAccessibleDescription(en.validation.emptyAmendment);
  await form.getByRole('button', { name: en.common.cancel }).click();
  await expect(form).toBeHidden();

  await propose(page, (text) => text.replace('is the root of rural identity', 'is the living root of rural identity'), { name: 'Kenya' }, 'Heritage lives on.');
  await propose(
    page,
    () => 'culture is the foundation of rural identity and renewal, and villages should keep it alive with their communities.',
    { participant: 'Daniel Otieno' },
    'Shorter.',
  );
  await expect(panel.getByRole('heading', { name: 'Open (2)' })).toBeVisible();
  const first = panel.getByRole('article', { name: 'Amendment 1: Replace the text, proposed by Kenya' });
  const second = panel.getByRole('article', { name: /^Amendment 2: Replace the text, proposed by / });
  await expect(first.getByText(am.card.competing)).toBeVisible();
  await expect(second.getByText(am.card.competing)).toBeVisible();
  // The word diff marks the added word as an insertion, in words as well as by its look.
  await expect(first.getByRole('insertion')).toHaveText(/living/);
  await expect(second.getByRole('deletion').first()).toContainText(am.diff.deleteStart.trim());

  await first.getByRole('button', { name: am.actions.accept }).click();
  await expect(panel.getByRole('status').getByText('Amendment 1 accepted.')).toBeVisible();
  await expect(point3).toContainText('is the living root of rural identity');
  await expect(first.getByText(am.status.accepted, { exact: true })).toBeVisible();
  // The other stays open, marked as made on an earlier text.
  await expect(second.getByText(am.status.open, { exact: true })).toBeVisible();
  await expect(second.getByText(am.card.stale)).toBeVisible();

  // Ctrl+Z in the panel takes the decision back, and the text with it; accept again.
  await panel.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Control+z');
  await expect(panel.getByRole('status').getByText('Amendment 1 is open again.')).toBeVisible();
  await expect(point3).not.toContainText('living root');
  await first.getByRole('button', { name: am.actions.accept }).click();
  await expect(point3).toContainText('is the living root of rural identity');

  // Accepting the stale one shows the review first: nothing changes until the chair has read it.
  await second.getByRole('button', { name: am.actions.accept }).click();
  const review = second.getByRole('group', { name: am.review.title });
  await expect(review).toBeVisible();
  await expect(review.getByRole('group', { name: am.review.sinceProposed })).toContainText('living');
  await expect(review.getByRole('group', { name: am.review.againstCurrent }).getByRole('insertion').first()).toBeVisible();
  await expect(point3).toContainText('is the living root of rural identity');
  await review.getByRole('button', { name: am.review.acceptAnyway }).click();
  await expect(point3).toContainText('culture is the foundation of rural identity and renewal');
  await expect(panel.getByRole('heading', { name: 'Decided (2)' })).toBeVisible();

  // Every revision stays in the history, and any two compare word by word.
  await page.getByRole('tab', { name: dr.tabs.history }).click();
  const history = page.getByRole('region', { name: am.history.title, exact: true });
  await expect(history.getByRole('table')).toContainText('culture is the foundation');
  // The original, the first acceptance, its undoing, the acceptance again, and the second amendment.
  const revisions = history.getByRole('table').locator('tbody tr');
  await expect(revisions).toHaveCount(5);
  await expect(history.getByRole('radio', { name: 'Compare to revision 5' })).toBeChecked();
  await expect(history.getByRole('radio', { name: 'Compare from revision 4' })).toBeChecked();
  await expect(history.getByRole('heading', { name: 'Changes from revision 4 to revision 5' })).toBeVisible();
  await history.getByRole('radio', { name: 'Compare from revision 1' }).check();
  await expect(history.getByRole('heading', { name: 'Changes from revision 1 to revision 5' })).toBeVisible();
  await expect(history.getByRole('group', { name: am.history.diff }).getByRole('deletion').first()).toContainText('both tangible and intangible');
});

test('an objection to point 4, a bracketed phrase, and the projector moving on from point 3', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await openPoint(page, 4, dr.tabs.stances);
  const stances = page.getByRole('region', { name: am.stances.title, exact: true });
  await expect(stances.getByText(am.stances.none)).toBeVisible();
  // A stance needs a delegation and a stance: the form says which is missing.
  await stances.getByRole('button', { name: am.stances.record }).click();
  await expect(stances.getByRole('group', { name: am.stances.stance, exact: true })).toContainText(en.validation.required);
  await stances.getByRole('textbox', { name: am.delegation.name }).fill('Brazil');
  await stances.getByRole('radio', { name: am.stance.objection }).check();
  await stances.getByRole('textbox', { name: am.stances.note }).fill('Land markets are a national competence.');
  await stances.getByRole('button', { name: am.stances.record }).click();
  const tally = stances.getByRole('list', { name: am.stances.tally });
  await expect(tally.getByRole('listitem').filter({ hasText: am.stance.objection })).toHaveText(/1$/);
  await expect(stances.getByRole('list', { name: am.stances.list }).getByRole('listitem')).toHaveText(/Brazil.*Objection.*Land markets/);
  // A participant picked from the list supports it.
  const picker = stances.getByRole('combobox', { name: am.delegation.participant });
  await picker.pressSequentially('Daniel Otieno');
  await expect(page.getByRole('option', { name: /Daniel Otieno Ochieng/ })).toBeVisible();
  await picker.press('Enter');
  await stances.getByRole('radio', { name: am.stance.support }).check();
  await stances.getByRole('button', { name: am.stances.record }).click();
  await expect(tally.getByRole('listitem').filter({ hasText: am.stance.support })).toHaveText(/1$/);
  await expect(stances.getByRole('list', { name: am.stances.list }).getByRole('listitem')).toHaveCount(2);
  // Brazil changes its objection into a reservation: still one stance for Brazil.
  await stances.getByRole('button', { name: 'Change the stance of Brazil' }).click();
  await stances.getByRole('radio', { name: am.stance.reservation }).check();
  await stances.getByRole('button', { name: am.stances.record }).click();
  await expect(tally.getByRole('listitem').filter({ hasText: am.stance.reservation })).toHaveText(/1$/);
  await expect(tally.getByRole('listitem').filter({ hasText: am.stance.objection })).toHaveText(/0$/);

  // The disputed phrase goes in square brackets.
  await page.getByRole('tab', { name: dr.tabs.text }).click();
  const english = page.getByRole('textbox', { name: /^Text in English/ });
  const phrase = 'protect ecological space and farmland';
  const start = (await english.inputValue()).indexOf(phrase);
  await english.evaluate((box: HTMLTextAreaElement, [from, to]) => box.setSelectionRange(from, to), [start, start + phrase.length] as const);
  await page.getByRole('button', { name: dr.editor.bracket }).click();
  await expect(page.getByRole('article', { name: 'Paragraph 4', exact: true })).toContainText(`[${phrase}]`);

  // Coverage from the drafting screen, and back.
  await page.getByRole('link', { name: dr.actions.coverage }).click();
  await expect(page.getByRole('row', { name: new RegExp(foodSystems) })).toContainText(cov.reachState.flagged);
  await page.getByRole('link', { name: cov.backToDrafting }).click();

  // The projector opens on the selected point; the right arrow moves to the next one.
  await page.getByRole('article', { name: 'Paragraph 3', exact: true }).click();
  await page.getByRole('link', { name: dr.actions.project }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 3 of 6/ })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 4 of 6/ })).toBeVisible();
  await expect(page.getByText(`[${phrase}]`, { exact: false })).toBeVisible();
  expect(hashOf(page)).toMatch(new RegExp(`^#/forum/${forumId}/drafting/${forumId}/projector/`));
});

test('an amendment inserting a paragraph after point 6, then one deleting it', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await openPoint(page, 6, dr.tabs.amendments);
  const panel = page.getByRole('region', { name: am.title, exact: true });
  // N proposes, from anywhere in the panel.
  await panel.getByRole('button', { name: am.propose.open }).focus();
  await page.keyboard.press('n');
  const form = panel.getByRole('form', { name: am.propose.title });
  await form.getByRole('radio', { name: am.kind.insert_after }).check();
  // A new paragraph starts empty, not as a copy of this one.
  await expect(form.getByRole('textbox', { name: am.propose.newText })).toHaveValue('');
  await form.getByRole('textbox', { name: am.propose.newText }).fill('we thank the people of Songyang for their hospitality.');
  await form.getByRole('textbox', { name: am.delegation.name }).fill('Mexico');
  await form.getByRole('textbox', { name: am.propose.newText }).press('Control+Enter');
  await expect(form).toBeHidden();
  const insert = panel.getByRole('article', { name: `Amendment 1: ${am.kind.insert_after}, proposed by Mexico` });
  await expect(insert.getByRole('insertion')).toContainText('we thank the people of Songyang');
  await insert.getByRole('button', { name: am.actions.accept }).focus();
  await page.keyboard.press('a');
  await expect(page.getByRole('article', { name: 'Paragraph 7', exact: true })).toContainText('Seventh, we thank the people of Songyang');

  await openPoint(page, 7, dr.tabs.amendments);
  await panel.getByRole('button', { name: am.propose.open }).click();
  await form.getByRole('radio', { name: am.kind.delete }).check();
  await expect(form.getByText(am.propose.deleteHint)).toBeVisible();
  await form.getByRole('textbox', { name: am.delegation.name }).fill('Kenya');
  await form.getByRole('button', { name: am.propose.submit, exact: true }).click();
  const removal = panel.getByRole('article', { name: `Amendment 1: ${am.kind.delete}, proposed by Kenya` });
  await expect(removal.getByRole('deletion')).toContainText('we thank the people of Songyang');
  await removal.getByRole('button', { name: am.actions.accept }).click();
  await expect(page.getByRole('article', { name: 'Paragraph 7', exact: true })).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'Paragraph 6', exact: true })).toBeVisible();
});

test('the coverage view flags the session whose key messages no paragraph reflects', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  await page.goto(`${server.url.split('#')[0]}#/forum/${forumId}/drafting/${forumId}/coverage`);
  await expect(page.getByRole('heading', { level: 1, name: cov.title })).toBeVisible();

  const food = page.getByRole('row', { name: new RegExp(foodSystems) });
  await expect(food.getByRole('cell').last()).toHaveText(new RegExp(cov.reachState.flagged));
  await expect(food.getByRole('link')).toHaveCount(0);
  // A reflected session links to the paragraphs drawing on it: the opening fed the first point.
  const opening = page.getByRole('row', { name: /Opening Ceremony and High-Level Dialogue/ });
  await expect(opening.getByRole('link', { name: 'Paragraph 1', exact: true })).toBeVisible();
  await expect(opening.getByRole('cell').last()).toHaveText(new RegExp(cov.reachState.reflected));
  await expect(page.getByText(/^\d+ of \d+ sessions reflected$/)).toBeVisible();

  await page.getByRole('checkbox', { name: cov.onlyFlagged }).check();
  await expect(page.getByRole('row', { name: new RegExp(foodSystems) })).toBeVisible();
  await expect(opening).toBeHidden();

  await page.getByRole('link', { name: cov.backToDrafting }).click();
  expect(hashOf(page)).toBe(`#/forum/${forumId}/drafting/${forumId}`);
});

test('the projector shows a paragraph with its ordinal label and steps on with the arrow keys', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  await page.goto(`${server.url.split('#')[0]}#/forum/${forumId}/drafting/${forumId}/projector`);
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 1 of 6/ })).toBeVisible();
  await expect(page.getByText(/^First, the countryside holds values/)).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 3 of 6/ })).toBeVisible();
  await expect(page.getByText(/^Third, culture, both tangible/)).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 2 of 6/ })).toBeVisible();

  // L cycles the working languages: the label follows in the language shown.
  await page.keyboard.press('l');
  await expect(page.getByText(/^第二，/)).toBeVisible();
  // Esc goes back to drafting with the paragraph under discussion open.
  await page.keyboard.press('Escape');
  await expect.poll(() => hashOf(page)).toMatch(new RegExp(`^#/forum/${forumId}/drafting/${forumId}/paragraph/`));
  await expect(page.getByRole('complementary', { name: 'Paragraph 2' })).toBeVisible();
});

test('screenshots of the coverage view and the projector in English and Arabic', async ({ page, server }) => {
  skipUnlessShots('amendments');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shot = (name: string) => shoot(page, 'amendments', name);
  const forumId = await openDemo(page, server.url);
  const base = `${server.url.split('#')[0]}#/forum/${forumId}/drafting/${forumId}`;
  await page.goto(`${base}/coverage`);
  await expect(page.getByRole('heading', { level: 1, name: cov.title })).toBeVisible();
  await shot('coverage-en');
  await page.goto(`${base}/projector`);
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 1 of 6/ })).toBeVisible();
  for (const point of [2, 3, 4]) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('heading', { level: 1, name: new RegExp(`^Paragraph ${point} of 6`) })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 1, name: /^Paragraph 4 of 6/ })).toBeVisible();
  await shot('projector-en');

  await page.goto(`${base}/coverage`);
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await shot('coverage-ar');
  await page.goto(`${base}/projector`);
  await expect(page.getByRole('button', { name: amendmentsAr.amendments.projector.next })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('heading', { level: 1, name: /^الفقرة 2 من 6/ })).toBeVisible();
  await shot('projector-ar');
  await page.keyboard.press('l');
  await page.keyboard.press('l');
  await shot('projector-ar-es');
});

test('screenshots of the amendments, stances and history panels in English and Arabic', async ({ page, server }) => {
  skipUnlessShots('amendments');
  await page.setViewportSize({ width: 1400, height: 1000 });
  const shot = (name: string) => shoot(page, 'amendments', name);
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await openPoint(page, 3, dr.tabs.amendments);
  await propose(page, (text) => text.replace('is the root of rural identity', 'is the living root of rural identity'), { name: 'Kenya' }, 'Heritage lives on.');
  await propose(page, (text) => text.replace('crafts, food traditions', 'crafts, music, food traditions').replace('modern services and', ''), { participant: 'Daniel Otieno' }, 'Music matters too.');
  await shot('panel-competing-en');
  await page.getByRole('link', { name: dr.actions.project }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Open amendments (2)' })).toBeVisible();
  await shot('projector-amendments-en');
  await page.keyboard.press('Escape');
  await openPoint(page, 3, dr.tabs.amendments);
  const panel = page.getByRole('region', { name: am.title, exact: true });
  await panel.getByRole('article', { name: /^Amendment 1:/ }).getByRole('button', { name: am.actions.accept }).click();
  await expect(panel.getByRole('status').getByText('Amendment 1 accepted.')).toBeVisible();
  await panel.getByRole('article', { name: /^Amendment 2:/ }).getByRole('button', { name: am.actions.accept }).click();
  await expect(panel.getByRole('group', { name: am.review.title })).toBeVisible();
  await shot('panel-review-en');
  await panel.getByRole('button', { name: am.review.acceptAnyway }).click();
  await page.getByRole('tab', { name: dr.tabs.history }).click();
  await expect(page.getByRole('region', { name: am.history.title, exact: true }).getByRole('table')).toBeVisible();
  await shot('panel-history-en');
  await openPoint(page, 4, dr.tabs.stances);
  const stances = page.getByRole('region', { name: am.stances.title, exact: true });
  await stances.getByRole('textbox', { name: am.delegation.name }).fill('Brazil');
  await stances.getByRole('radio', { name: am.stance.objection }).check();
  await stances.getByRole('textbox', { name: am.stances.note }).fill('Land markets are a national competence.');
  await stances.getByRole('button', { name: am.stances.record }).click();
  await stances.getByRole('textbox', { name: am.delegation.name }).fill('UN-Habitat');
  await stances.getByRole('radio', { name: am.stance.support }).check();
  await stances.getByRole('button', { name: am.stances.record }).click();
  await expect(stances.getByRole('list', { name: am.stances.list }).getByRole('listitem')).toHaveCount(2);
  await shot('panel-stances-en');

  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.waitForTimeout(500);
  await shot('panel-stances-ar');
  const ar = amendmentsAr.amendments;
  await page.getByRole('article', { name: /3/ }).first().click();
  await page.getByRole('tab', { name: /^التعديلات/ }).click();
  await expect(page.getByRole('region', { name: ar.title, exact: true })).toBeVisible();
  await shot('panel-amendments-ar');
  await page.getByRole('region', { name: ar.title, exact: true }).getByRole('button', { name: ar.propose.open }).click();
  await shot('panel-propose-ar');
});
