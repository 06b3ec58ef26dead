import agendaEn from '../../resources/locales/en/agenda.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { pressInLayout } from './pressInLayout';
import { expect, test } from './serverFixture';

const agenda = agendaEn.agenda;
const warningsHeading = new RegExp(`^${agenda.warnings.title.split(' (')[0]}`);

async function openDemoAgenda(page: Page, url: string) {
  await openDemo(page, url);
  await page.getByRole('link', { name: en.forumNav.agenda }).click();
  await expect(page.getByRole('heading', { level: 1, name: agenda.title })).toBeVisible();
}

async function startNewSession(page: Page, title: string, start: string, end: string) {
  await page.getByRole('link', { name: agenda.newSession }).click();
  await expect(page.getByRole('heading', { level: 1, name: agenda.form.newTitle })).toBeVisible();
  await page.getByRole('combobox', { name: agenda.form.day, exact: true }).selectOption('2026-11-23');
  await page.getByLabel(agenda.form.start, { exact: true }).fill(start);
  await page.getByLabel(agenda.form.end, { exact: true }).fill(end);
  await page.getByRole('textbox', { name: 'Title in English (source)' }).fill(title);
}

test('a speaker given two overlapping sessions is named in a warning', async ({ page, server }) => {
  await openDemoAgenda(page, server.url);
  await startNewSession(page, 'Press briefing', '10:00', '11:00');
  await page.getByRole('combobox', { name: agenda.kind, exact: true }).selectOption('side_event');
  await page.getByRole('textbox', { name: 'Room in English (source)' }).fill('Press room');

  // Daniel Otieno Ochieng already speaks at the opening (09:00–10:30): pick him by typing his name.
  const speakers = page.getByRole('combobox', { name: agenda.roles.speaker, exact: true });
  await speakers.pressSequentially('Daniel Otieno');
  await expect(page.getByRole('option', { name: /Daniel Otieno Ochieng/ })).toBeVisible();
  await speakers.press('ArrowDown');
  await speakers.press('ArrowUp');
  await speakers.press('Enter');
  const chips = page.getByRole('list', { name: agenda.roles.speaker, exact: true });
  await expect(chips.getByText('Daniel Otieno Ochieng')).toBeVisible();
  await expect(chips.getByRole('button', { name: `Remove Daniel Otieno Ochieng from ${agenda.roles.speaker}` })).toBeVisible();
  await page.getByRole('button', { name: en.common.save }).click();

  await expect(page.getByRole('heading', { level: 1, name: agenda.title })).toBeVisible();
  const warnings = page.getByRole('region', { name: warningsHeading });
  const overlap = warnings.getByRole('listitem').filter({ hasText: 'Daniel Otieno Ochieng is in overlapping sessions' });
  await expect(overlap).toBeVisible();
  await expect(overlap.getByRole('link', { name: 'Press briefing' })).toBeVisible();
  await expect(overlap.getByRole('link', { name: 'Opening Ceremony and High-Level Dialogue' })).toBeVisible();
  // The new session has no rapporteur either, and says so.
  const noRapporteur = warnings.getByRole('listitem').filter({ hasText: agenda.warnings.noRapporteur });
  await expect(noRapporteur.getByRole('link', { name: 'Press briefing' })).toBeVisible();

  // The session shows its speaker; the warning's link opens it for editing.
  const card = page.getByRole('article', { name: /Press briefing/ });
  await expect(card.getByText('Daniel Otieno Ochieng')).toBeVisible();
  await overlap.getByRole('link', { name: 'Press briefing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: agenda.form.editTitle })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Title in English (source)' })).toHaveValue('Press briefing');
  await expect(page.getByRole('list', { name: agenda.roles.speaker, exact: true }).getByText('Daniel Otieno Ochieng')).toBeVisible();
});

test('the agenda in Spanish marks a missing translation and shows the English instead', async ({ page, server }) => {
  await openDemoAgenda(page, server.url);
  await startNewSession(page, 'Village library tour', '16:00', '17:00');
  // Beside the boxes, the form already says the Spanish title is missing.
  await expect(page.getByRole('textbox', { name: 'Title in Spanish' })).toHaveAccessibleDescription(agenda.form.missing);
  await page.getByRole('textbox', { name: 'Title in Chinese' }).fill('乡村图书馆参观');
  await expect(page.getByRole('textbox', { name: 'Title in Chinese' })).not.toHaveAccessibleDescription(agenda.form.missing);
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { level: 1, name: agenda.title })).toBeVisible();

  await page.getByRole('combobox', { name: en.forum.contentLanguage }).selectOption('es');
  const card = page.getByRole('article', { name: /Village library tour/ });
  await expect(card.getByText('Village library tour', { exact: true })).toHaveAttribute('lang', 'en');
  await expect(card.getByText('(English, not yet translated)')).toBeVisible();
  await expect(card.getByRole('list', { name: agenda.translation.label }).getByText('Spanish translation missing: Title')).toBeVisible();
  // A translated session reads in Spanish, unmarked.
  const opening = page.getByRole('article', { name: 'Ceremonia de apertura y diálogo de alto nivel' });
  await expect(opening.getByText('Ceremonia de apertura y diálogo de alto nivel', { exact: true })).toHaveAttribute('lang', 'es');

  // Deleting can be undone.
  await card.getByRole('button', { name: 'Delete Village library tour' }).click();
  await expect(page.getByRole('status').getByText('“Village library tour” was deleted.')).toBeVisible();
  await expect(page.getByRole('article', { name: /Village library tour/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: agenda.undo.button })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: /Village library tour/ })).toBeVisible();
});

test('the clock drives "now and next" on the agenda and the projector', async ({ page, server }) => {
  // 09:30 in Asia/Shanghai on the demo's first day: the opening is on, the coffee break next.
  await page.clock.setFixedTime(new Date('2026-11-23T01:30:00Z'));
  await openDemoAgenda(page, server.url);
  const firstDay = page.getByRole('tab', { name: /23/ });
  await expect(firstDay).toHaveAttribute('aria-selected', 'true');
  const opening = page.getByRole('article', { name: 'Opening Ceremony and High-Level Dialogue' });
  await expect(opening.getByText(agenda.now, { exact: true })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Coffee Break' }).getByText(agenda.next, { exact: true })).toBeVisible();

  // Day tabs follow the arrow keys; the room view puts parallel sessions side by side.
  await firstDay.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /24/ })).toBeFocused();
  await expect(page.getByRole('tabpanel').getByText('Parallel Session C: Territorial Planning and Intermediary Towns')).toBeVisible();
  await page.getByRole('button', { name: agenda.views.room }).click();
  await expect(page.getByRole('columnheader', { name: 'Hall A, Songyang Cultural Centre' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Hall B, Songyang Cultural Centre' })).toBeVisible();

  await page.getByRole('link', { name: agenda.projectorLink }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  const now = page.getByRole('region', { name: agenda.now });
  const next = page.getByRole('region', { name: agenda.next });
  await expect(now.getByRole('heading', { name: 'Opening Ceremony and High-Level Dialogue' })).toBeVisible();
  await expect(next.getByRole('heading', { name: 'Coffee Break' })).toBeVisible();
  // L cycles the content language.
  await page.keyboard.press('l');
  await expect(now.getByRole('heading', { name: '开幕式暨高层对话' })).toBeVisible();

  // 15:45, between the parallel sessions and the side event.
  await page.clock.setFixedTime(new Date('2026-11-23T07:45:00Z'));
  await page.reload();
  await expect(page.getByRole('status').getByText(agenda.projector.nothingNow)).toBeVisible();
  await expect(next.getByRole('heading', { name: /Side Event: Digital Villages/ })).toBeVisible();

  // After the last day, the forum has ended.
  await page.clock.setFixedTime(new Date('2026-11-26T02:00:00Z'));
  await page.reload();
  await expect(page.getByText(agenda.projector.ended)).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: agenda.title })).toBeVisible();
});

test('the projector takes L from an Arabic or Russian keyboard, by the key’s place', async ({ page, server }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T01:30:00Z'));
  await openDemoAgenda(page, server.url);
  await page.getByRole('link', { name: agenda.projectorLink }).click();
  const now = page.getByRole('region', { name: agenda.now });
  await expect(now.getByRole('heading', { name: 'Opening Ceremony and High-Level Dialogue' })).toBeVisible();
  // The key labelled L types م in the Arabic layout and д in the Russian one.
  await pressInLayout(page, 'KeyL', 'م');
  await expect(now.getByRole('heading', { name: '开幕式暨高层对话' })).toBeVisible();
  await pressInLayout(page, 'KeyL', 'д');
  await expect(now.getByRole('heading', { name: 'Ceremonia de apertura y diálogo de alto nivel' })).toBeVisible();
});
