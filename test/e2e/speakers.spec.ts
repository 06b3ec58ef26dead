import type { Page } from '@playwright/test';
import speakersAr from '../../resources/locales/ar/speakers.json' with { type: 'json' };
import speakersEn from '../../resources/locales/en/speakers.json' with { type: 'json' };
import statsEn from '../../resources/locales/en/stats.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import { lookAt, switchLanguage } from './lookAt';
import { openDemo } from './openDemo';
import { openDemoCapture } from './openCapture';
import { shoot } from './screenshots';
import { expect, test } from './serverFixture';

const s = speakersEn.speakers;

/** Adds a speaker as a chair would: type, then pick the participant or the typed delegation. */
async function addSpeaker(page: Page, text: string, pick: 'participant' | 'typed', kind?: string): Promise<void> {
  const panel = page.getByRole('region', { name: s.title });
  if (kind) await panel.getByRole('combobox', { name: s.add.kind }).selectOption({ label: kind });
  const input = panel.getByRole('combobox', { name: s.add.label });
  await input.fill(text);
  const listbox = panel.getByRole('listbox', { name: s.add.label });
  if (pick === 'typed') await listbox.getByRole('option', { name: s.add.typed.replace('{{name}}', text) }).click();
  else await listbox.getByRole('option', { name: new RegExp(`^${text}`) }).first().click();
  await expect(input).toHaveValue('');
  if (kind) await panel.getByRole('combobox', { name: s.add.kind }).selectOption({ label: s.kind.statement });
}

const queueNames = (page: Page) => page.getByRole('list', { name: s.queue.label }).locator('.speaker-name').allTextContents();

test('a chair builds a list of five, a point of order jumps the queue, the timer runs over in red on the projector, and spoken times reach the statistics', async ({ page, server }) => {
  test.setTimeout(180_000);
  const forumId = await openDemoCapture(page, server.url);
  const captureHash = new URL(page.url()).hash;
  const panel = page.getByRole('region', { name: s.title });
  await expect(panel).toBeVisible();

  // Short speaking times, so the turn runs over within the test.
  await panel.getByText(s.settings.title).click();
  for (const field of [s.settings.statement, s.settings.reply, s.settings.point_of_order]) await panel.getByLabel(field).fill('2');
  await panel.getByRole('button', { name: s.settings.save }).click();
  await expect(panel.getByRole('status').filter({ hasText: s.settings.saved })).toBeVisible();

  await addSpeaker(page, 'Grace Wanjiru', 'participant');
  await addSpeaker(page, 'Kenya', 'typed');
  await addSpeaker(page, 'Chile', 'typed');
  await addSpeaker(page, 'Norway', 'typed');
  await addSpeaker(page, 'Ana Lucía', 'participant');
  expect(await queueNames(page)).toEqual(['Grace Wanjiru Mwangi', 'Kenya', 'Chile', 'Norway', 'Ana Lucía Herrera Gómez']);

  // Alt+Down on a speaker in focus moves them down, and the focus stays with them.
  const queue = page.getByRole('list', { name: s.queue.label });
  await queue.getByRole('listitem').filter({ hasText: 'Kenya' }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => queueNames(page)).toEqual(['Grace Wanjiru Mwangi', 'Chile', 'Kenya', 'Norway', 'Ana Lucía Herrera Gómez']);
  await expect(queue.getByRole('listitem').filter({ hasText: 'Kenya' })).toBeFocused();

  // A point of order goes ahead of every statement, marked as such.
  await addSpeaker(page, 'Brazil', 'typed', s.kind.point_of_order);
  expect((await queueNames(page))[0]).toBe('Brazil');
  await expect(queue.getByRole('listitem').first()).toContainText(s.kind.point_of_order);

  // Next speaker (Alt+J): the point of order has the floor, its timer running; said politely once.
  await page.keyboard.press('Alt+J');
  const current = panel.getByRole('group', { name: s.current.label });
  await expect(current).toContainText('Brazil');
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Now speaking: Brazil. Next: Grace Wanjiru Mwangi.' })).toHaveCount(1);
  await expect(current.getByRole('timer')).toContainText(s.timer.phase.over);
  await expect(current.getByRole('timer')).toContainText(/\+0:0\d/);

  // The agenda projector shows the countdown, over time and red, in words as well as colour.
  await page.evaluate((id) => (window.location.hash = `#/forum/${id}/projector`), forumId);
  const wall = page.getByRole('region', { name: s.projector.label });
  await expect(wall).toContainText('Brazil');
  await expect(wall.getByRole('timer')).toContainText(s.timer.phase.over);
  const clock = wall.locator('.countdown-clock');
  await expect(clock).toHaveText(/\+\d:\d\d/);
  await expect(clock).toHaveCSS('color', 'rgb(255, 138, 128)');
  if (process.env.PLENARY_SHOTS) await shoot(page, 'speakers', 'projector-over-en', false);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await switchLanguage(page, 'ar');
  await page.evaluate((id) => (window.location.hash = `#/forum/${id}/projector`), forumId);
  const wallAr = page.getByRole('region', { name: speakersAr.speakers.projector.label });
  await expect(wallAr.getByRole('timer')).toContainText(speakersAr.speakers.timer.phase.over);
  await expect(wallAr.locator('.countdown-clock')).toHaveCSS('color', 'rgb(255, 138, 128)');
  if (process.env.PLENARY_SHOTS) await shoot(page, 'speakers', 'projector-over-ar', false);
  await page.keyboard.press('Escape');
  await switchLanguage(page, 'en');

  // Back at the chair's laptop: two more turns, then the full-screen timer and the figures.
  await page.evaluate((hash) => (window.location.hash = hash), captureHash);
  await expect(panel.getByRole('group', { name: s.current.label })).toContainText('Brazil');
  await panel.getByRole('button', { name: s.next }).click();
  await expect(current).toContainText('Grace Wanjiru Mwangi');
  await expect(current.getByRole('timer')).toContainText(s.timer.phase.over);
  await panel.getByRole('button', { name: s.next }).click();
  await expect(current).toContainText('Chile');
  await lookAt(page, 'speakers', 'panel', page.locator('.speakers-panel'));

  await page.keyboard.press('Alt+O');
  await expect(page.getByRole('heading', { level: 1, name: s.timerScreen.title })).toBeAttached();
  await expect(page.getByRole('timer')).toContainText(s.timer.phase.over);
  if (process.env.PLENARY_SHOTS) await shoot(page, 'speakers', 'timer-screen-en', false);
  await page.keyboard.press('KeyJ');
  await expect(page.locator('.speaker-wall-name')).toContainText('Kenya');
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();

  // Spoken time per speaker, as spoken: Brazil, Grace and Chile spoke; the others only wait.
  await page.evaluate((id) => (window.location.hash = `#/forum/${id}/statistics`), forumId);
  const spoken = page.getByRole('region', { name: statsEn.stats.spoken.title });
  await expect(spoken).toBeVisible();
  const bySpeaker = spoken.getByRole('table', { name: statsEn.stats.spoken.bySpeaker });
  for (const name of ['Brazil', 'Grace Wanjiru Mwangi', 'Chile']) await expect(bySpeaker.getByRole('row', { name: new RegExp(name) })).toBeVisible();
  await expect(bySpeaker.getByRole('row', { name: /Norway/ })).toHaveCount(0);
  await expect(spoken.getByRole('figure', { name: statsEn.stats.spoken.byDelegation })).toBeVisible();
  await lookAt(page, 'speakers', 'stats', page.locator('section:has(#stats-spoken-heading)'));
});

test('a paragraph has its own speakers list in drafting, and its speaker’s countdown shows on the draft projector', async ({ page, server }) => {
  test.setTimeout(120_000);
  const forumId = await openDemo(page, server.url);
  await page.getByRole('link', { name: 'Drafting', exact: true }).click();
  await page.getByRole('article', { name: 'Paragraph 2', exact: true }).click();
  await page.getByRole('tab', { name: new RegExp(`^${draftingEn.drafting.tabs.speakers}`) }).click();
  const panel = page.getByRole('region', { name: s.title });
  await addSpeaker(page, 'Mexico', 'typed');
  await addSpeaker(page, 'Brazil', 'typed', s.kind.reply);
  expect(await queueNames(page)).toEqual(['Brazil', 'Mexico']);
  await expect(page.getByRole('list', { name: s.queue.label }).getByRole('listitem').first()).toContainText(s.kind.reply);
  await page.keyboard.press('Alt+J');
  await expect(panel.getByRole('group', { name: s.current.label })).toContainText('Brazil');
  await lookAt(page, 'speakers', 'drafting', page.locator('.speakers-panel'));

  await page.goto(`${server.url.split('#')[0]}#/forum/${forumId}/drafting/${forumId}/projector`);
  const wall = page.getByRole('region', { name: s.projector.label });
  await expect(wall).toContainText('Brazil');
  await expect(wall).toContainText(s.kind.reply);
  await expect(wall.getByRole('timer')).toContainText(/\d:\d\d/);
  if (process.env.PLENARY_SHOTS) await shoot(page, 'speakers', 'draft-projector-en', false);
});
