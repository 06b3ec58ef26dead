import type { Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enParticipants from '../../resources/locales/en/participants.json' with { type: 'json' };
import enSearch from '../../resources/locales/en/search.json' with { type: 'json' };
import { lookAt } from './lookAt';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const t = enParticipants.participants;
/** An English message with its {{placeholders}} filled, as the UI shows it. */
const fill = (message: string, values: Record<string, string>) => message.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => values[key] ?? '');
const grace = 'Grace Wanjiru Mwangi';

/** Searches the whole forum for `words`, from its search screen. */
async function searchForum(page: Page, words: string) {
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.search }).click();
  await page.getByRole('search', { name: enSearch.search.landmark }).getByRole('searchbox', { name: enSearch.search.label }).fill(words);
}

async function deleteGrace(page: Page) {
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.participants }).click();
  await page.getByRole('searchbox', { name: t.list.search }).fill(grace);
  const row = page.getByRole('table', { name: t.list.tableLabel }).getByRole('row').filter({ hasText: grace });
  await row.getByRole('button', { name: fill(t.list.deleteNamed, { name: grace }) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.list.deleted, { name: grace }) })).toBeVisible();
}

test('a deleted participant’s personal data is erased for good, after a dialog that says what it means', async ({ page, server }) => {
  await openDemo(page, server.url);
  await searchForum(page, 'Wanjiru');
  const participantHits = page.getByRole('region', { name: new RegExp(`^${enSearch.search.groups.participants}`) });
  await expect(participantHits.getByRole('link', { name: new RegExp(grace) })).toBeVisible();
  await deleteGrace(page);

  // The offer opens a dialog whose safe choice has the focus; Esc leaves everything as it was.
  const offer = page.getByRole('button', { name: fill(t.erase.offer, { name: grace }) });
  await lookAt(page, 'participants', 'erase-offer', page.locator('.undo-banner'));
  await offer.click();
  const dialog = page.getByRole('dialog', { name: fill(t.erase.title, { name: grace }) });
  await expect(dialog).toContainText(t.erase.body);
  await expect(dialog.getByRole('button', { name: t.erase.cancel })).toBeFocused();
  await lookAt(page, 'participants', 'erase-dialog');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(offer).toBeFocused();
  // Not erased: undo still brings her back, whole.
  await page.getByRole('button', { name: t.list.undo, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.list.restored, { name: grace }) })).toBeVisible();
  await expect(page.getByRole('table', { name: t.list.tableLabel }).getByRole('row').filter({ hasText: grace })).toHaveCount(1);

  // "Keep the data" closes it too; then erased for good.
  await deleteGrace(page);
  await offer.click();
  await dialog.getByRole('button', { name: t.erase.cancel }).click();
  await expect(dialog).toHaveCount(0);
  await offer.click();
  await dialog.getByRole('button', { name: t.erase.confirm }).click();
  await expect(dialog).toHaveCount(0);
  const banner = page.getByRole('status').filter({ hasText: fill(t.list.erased, { name: grace }) });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: t.list.undo, exact: true })).toHaveCount(0);
  await expect(offer).toHaveCount(0);
  await lookAt(page, 'participants', 'erased', page.locator('.undo-banner'));
  // Ctrl+Z, which undid the delete, brings nothing back now.
  await page.keyboard.press('Control+z');
  await expect(banner).toBeVisible();
  await page.getByRole('searchbox', { name: t.list.search }).fill('Wanjiru');
  await expect(page.getByText(fill(t.list.count, { shown: '0', total: '199' }))).toBeVisible();
  // Her name is nowhere in the forum's search index: nothing at all is found for it.
  await searchForum(page, 'Wanjiru');
  await expect(page.getByRole('heading', { level: 2, name: fill(enSearch.search.none.title, { query: 'Wanjiru' }) })).toBeVisible();
  await expect(page.getByText(grace)).toHaveCount(0);
});
