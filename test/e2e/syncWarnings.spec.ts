import type { Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enSession from '../../resources/locales/en/bundleSession.json' with { type: 'json' };
import { call, saveBundle, sendForum, startLaptop } from './laptops';
import { lookAt } from './lookAt';
import { openDemo } from './openDemo';
import { expect, stopServer, test, type PlenaryServer } from './serverFixture';
import { figure } from './figures';

const s = en.sync;
/** What the import says when it is through: one file, imported. */
const oneImported = 'Done. Imported: 1 · Not imported: 0.';
/** An English message with its {{placeholders}} filled, as the UI shows it. */
const fill = (message: string, values: Record<string, string>) => message.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => values[key] ?? '');
const day = 24 * 60 * 60 * 1000;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let dir: string;
const laptops: PlenaryServer[] = [];
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-warnings-'));
});
test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map(stopServer));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a bundle that deletes every participant is imported only after the user says they checked it', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  // Another laptop receives the forum and deletes everyone on it, as a slip of a bulk edit would.
  const other = await startLaptop(dir, 'Registration desk');
  laptops.push(other);
  await sendForum(server, other, forumId);
  const everyone = await call(other, 'participants:query', { forumId, limit: 1000 });
  for (const person of everyone.rows) await call(other, 'participants:setDeleted', { id: person.id, deleted: true });
  const file = await saveBundle(other, forumId, dir);

  const exchange = page.getByRole('region', { name: s.title });
  await exchange.getByLabel(s.chooseFiles).setInputFiles(file);
  const warning = exchange.getByRole('alert').filter({ hasText: s.massWarning });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('listitem')).toHaveText([fill(s.massTable, { table: en.syncTables.participants, deleted: '200', rewritten: '0', live: '200' })]);
  const importButton = exchange.getByRole('button', { name: s.importButton });
  await exchange.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
  await expect(importButton).toBeDisabled();
  await lookAt(page, 'sync', 'mass-deletion', page.locator('.session-preview'));

  const confirm = exchange.getByRole('checkbox', { name: s.confirmMass });
  await confirm.check();
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(exchange.getByRole('status').filter({ hasText: oneImported })).toBeVisible();
  await expect(figure(page, en.figures.participants)).toHaveText('0');
});

/**
 * A laptop whose clock runs ahead (three days unless said otherwise): it receives the demo forum
 * from this one, then makes `edit`; the bundle it saves is chosen for import here and previewed.
 */
async function bundleFromFastClock(page: Page, server: PlenaryServer, edit: (laptop: PlenaryServer, forumId: string) => Promise<void>, clockAheadMs = 3 * day) {
  const forumId = await openDemo(page, server.url);
  const ahead = await startLaptop(dir, 'Rapporteur laptop, hall 2', { clockAheadMs });
  laptops.push(ahead);
  await sendForum(server, ahead, forumId);
  await edit(ahead, forumId);
  const file = await saveBundle(ahead, forumId, dir);
  const exchange = page.getByRole('region', { name: s.title });
  await exchange.getByLabel(s.chooseFiles).setInputFiles(file);
  return exchange;
}

async function renameForum(laptop: PlenaryServer, forumId: string) {
  const { id: _id, isDemo: _demo, ...forum } = await call(laptop, 'forums:get', { id: forumId });
  await call(laptop, 'forums:update', { id: forumId, forum: { ...forum, title: { ...forum.title, en: 'Songyang Forum on Urban-Rural Linkages' } } });
}

const heldLine = fill(s.heldFrom, { name: 'Rapporteur laptop, hall 2', forum: 'Forum on Urban-Rural Linkages', changes: '1', ahead: '3 days' });

test('changes stamped days ahead are kept aside, listed as held back, and applied when the user says so', async ({ page, server }) => {
  const exchange = await bundleFromFastClock(page, server, renameForum);
  const warning = exchange.getByRole('alert').filter({ hasText: fill(s.heldWarning, { ahead: '3 days', changes: '1' }) });
  await expect(warning).toBeVisible();
  // Nothing else is new: the preview says so without claiming there is nothing new at all, and
  // the milder warning for clocks a little ahead ("they are accepted") stays away.
  await expect(exchange.getByText(s.nothingNewHeld)).toBeVisible();
  await expect(exchange.getByText(enSession.bundleSession.nothingNew)).toHaveCount(0);
  await expect(exchange.getByText(/^Some changes are stamped/)).toHaveCount(0);
  await expect(exchange.getByRole('checkbox', { name: s.applyHeld })).not.toBeChecked();
  await exchange.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
  await lookAt(page, 'sync', 'held-preview', page.locator('.session-preview'));

  await exchange.getByRole('button', { name: s.importButton }).click();
  await expect(exchange.getByRole('status').filter({ hasText: oneImported })).toBeVisible();
  // Kept aside: the title is as it was, and the changes wait in their own section.
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  const held = page.getByRole('region', { name: s.heldTitle });
  await expect(held.getByRole('listitem')).toHaveText([new RegExp(`^${escape(heldLine)}`)]);
  await lookAt(page, 'sync', 'held-list', page.locator('.held-changes'));

  await held.getByRole('button', { name: fill(s.heldApplyLabel, { name: 'Rapporteur laptop, hall 2' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(s.heldApplied, { changes: '1' }) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Songyang Forum on Urban-Rural Linkages' })).toBeVisible();
  await expect(held).toHaveCount(0);
});

test('changes held back can be discarded for good, after a second question', async ({ page, server }) => {
  const exchange = await bundleFromFastClock(page, server, async (laptop, forumId) => {
    const found = await call(laptop, 'participants:query', { forumId, text: 'Grace Wanjiru Mwangi', limit: 1 });
    if (!found.rows[0]) throw new Error('Grace Wanjiru Mwangi is not in the demo');
    const { id, checkedInAt: _arrived, ...grace } = found.rows[0];
    await call(laptop, 'participants:update', { id, participant: { ...grace, name: 'Grace W. Mwangi-Otieno' } });
  });
  await exchange.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
  await exchange.getByRole('button', { name: s.importButton }).click();
  await expect(exchange.getByRole('status').filter({ hasText: oneImported })).toBeVisible();

  const held = page.getByRole('region', { name: s.heldTitle });
  await expect(held.getByRole('listitem')).toHaveText([new RegExp(`^${escape(heldLine)}`)]);
  const discard = held.getByRole('button', { name: fill(s.heldDiscardLabel, { name: 'Rapporteur laptop, hall 2' }) });
  await discard.click();
  // A second question, answered "keep" first: nothing happens. The safe answer has the focus, and
  // the focus goes back where it was.
  await expect(held.getByRole('button', { name: s.heldKeep })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(discard).toBeFocused();
  await discard.click();
  await expect(held.getByRole('button', { name: s.heldDiscardConfirm })).toBeVisible();
  await lookAt(page, 'sync', 'held-discard', page.locator('.held-changes'));
  await held.getByRole('button', { name: s.heldDiscardConfirm }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(s.heldDiscarded, { changes: '1' }) })).toBeVisible();
  await expect(held).toHaveCount(0);

  // Never applied: she keeps her name here.
  await page.keyboard.press('Alt+3');
  await page.getByRole('searchbox', { name: 'Search' }).fill('Mwangi');
  const table = page.getByRole('table', { name: 'Participant list' });
  await expect(table.getByRole('row').filter({ hasText: 'Grace Wanjiru Mwangi' })).toHaveCount(1);
  await expect(table.getByRole('row').filter({ hasText: 'Otieno' })).toHaveCount(0);
});

test('changes stamped hours ahead are applied, with a warning in hours to check the clocks', async ({ page, server }) => {
  const exchange = await bundleFromFastClock(page, server, renameForum, 3 * 60 * 60 * 1000);
  await expect(exchange.getByRole('alert')).toHaveText(fill(s.skew, { ahead: '3 hours' }));
  await expect(exchange.getByRole('checkbox', { name: s.applyHeld })).toHaveCount(0);
  await exchange.getByRole('checkbox', { name: /^I compared the fingerprint/ }).check();
  await lookAt(page, 'sync', 'skew-preview', page.locator('.session-preview'));
  await exchange.getByRole('button', { name: s.importButton }).click();
  await expect(exchange.getByRole('status').filter({ hasText: oneImported })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Songyang Forum on Urban-Rural Linkages' })).toBeVisible();
  await expect(page.getByRole('region', { name: s.heldTitle })).toHaveCount(0);
});
