import fs from 'node:fs';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enParticipants from '../../resources/locales/en/participants.json' with { type: 'json' };
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const t = enParticipants.participants;
/** An English message with its {{placeholders}} filled, as the UI shows it. */
const fill = (message: string, values: Record<string, string>) =>
  message.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => values[key] ?? '');

test('checks a participant in at the door by keyboard only, and undoes it', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: t.checkIn.title })).toBeVisible();
  const box = page.getByRole('combobox', { name: t.checkIn.searchLabel });
  await expect(box).toBeFocused();
  await expect(page.getByText(fill(t.checkIn.counter, { checkedIn: '0', total: '200' }))).toBeVisible();

  await page.keyboard.type('wanjiru');
  const results = page.getByRole('listbox', { name: t.checkIn.resultsLabel });
  const grace = results.getByRole('option', { name: /Grace Wanjiru Mwangi/ });
  await expect(grace).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(grace).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await grace.getAttribute('id')) ?? 'missing');
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'Grace Wanjiru Mwangi checked in at' })).toBeVisible();
  await expect(page.getByText(fill(t.checkIn.counter, { checkedIn: '1', total: '200' }))).toBeVisible();
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();

  // Found again, she is marked with her arrival time; Enter does not check her in twice.
  await page.keyboard.type('Grace Wanjiru');
  await expect(grace).toContainText(fill(t.checkIn.arrivedAt, { time: '' }).trim());
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Grace Wanjiru Mwangi was already checked in' })).toBeVisible();
  await expect(page.getByText(fill(t.checkIn.counter, { checkedIn: '1', total: '200' }))).toBeVisible();

  await expect(box).toHaveValue('');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: fill(t.checkIn.undone, { name: 'Grace Wanjiru Mwangi' }) })).toBeVisible();
  await expect(page.getByText(fill(t.checkIn.counter, { checkedIn: '0', total: '200' }))).toBeVisible();
  await expect(box).toBeFocused();
});

test('adds a participant (after a validation error), finds, edits, deletes and restores them', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.participants }).click();
  await page.getByRole('link', { name: t.list.add }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: t.form.newTitle })).toBeVisible();

  await page.getByRole('textbox', { name: t.field.name }).fill('Aminata Diallo Sarr');
  await page.getByRole('textbox', { name: t.field.organisation, exact: true }).fill('Cities Alliance');
  await page.getByRole('combobox', { name: t.field.orgType }).selectOption({ label: t.orgType.un_international });
  await page.getByRole('combobox', { name: t.field.country }).selectOption({ label: 'Senegal' });
  await page.getByRole('combobox', { name: t.field.gender }).selectOption({ label: t.gender.female });
  await page.getByRole('checkbox', { name: t.role.speaker }).check();
  await page.getByRole('checkbox', { name: 'French' }).check();
  const email = page.getByRole('textbox', { name: t.field.email });
  await email.fill('aminata.diallo@');
  await page.getByRole('button', { name: en.common.save }).click();

  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(en.validation.email);
  await expect(page).toHaveURL(/\/participants\/new$/);

  await email.fill('aminata.diallo@example.org');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
  await expect(page.getByText(fill(t.list.count, { shown: '201', total: '201' }))).toBeVisible();

  await page.getByRole('searchbox', { name: t.list.search }).fill('diallo sarr');
  await expect(page.getByText(fill(t.list.count, { shown: '1', total: '201' }))).toBeVisible();
  const table = page.getByRole('table', { name: t.list.tableLabel });
  const row = table.getByRole('row').filter({ hasText: 'Aminata Diallo Sarr' });
  await expect(row.getByRole('cell', { name: 'Senegal (SN)' })).toBeVisible();
  await expect(row.getByRole('cell', { name: t.role.speaker })).toBeVisible();
  await expect(row.getByRole('cell', { name: t.orgType.un_international })).toBeVisible();

  await row.getByRole('link', { name: fill(t.list.editNamed, { name: 'Aminata Diallo Sarr' }) }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.form.editTitle })).toBeVisible();
  const organisation = page.getByRole('textbox', { name: t.field.organisation, exact: true });
  await expect(organisation).toHaveValue('Cities Alliance');
  await expect(page.getByRole('checkbox', { name: 'French' })).toBeChecked();
  await organisation.fill('Cities Alliance Secretariat');
  await page.getByRole('button', { name: en.common.save }).click();

  // Back on the list, the search is where it was left.
  await expect(page.getByRole('searchbox', { name: t.list.search })).toHaveValue('diallo sarr');
  await expect(row.getByRole('cell', { name: 'Cities Alliance Secretariat' })).toBeVisible();

  await row.getByRole('button', { name: fill(t.list.deleteNamed, { name: 'Aminata Diallo Sarr' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.list.deleted, { name: 'Aminata Diallo Sarr' }) })).toBeVisible();
  await expect(page.getByRole('heading', { name: t.list.noMatchesTitle })).toBeVisible();
  await expect(page.getByText(fill(t.list.count, { shown: '0', total: '200' }))).toBeVisible();

  await page.getByRole('button', { name: t.list.undo, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.list.restored, { name: 'Aminata Diallo Sarr' }) })).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Cities Alliance Secretariat' })).toBeVisible();
  await expect(page.getByText(fill(t.list.count, { shown: '1', total: '201' }))).toBeVisible();
});

test('the list sorts by organisation and filters by country', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.participants }).click();
  const table = page.getByRole('table', { name: t.list.tableLabel });
  await expect(table).toHaveAttribute('aria-rowcount', '201');
  const firstRow = table.locator('[role="row"][aria-rowindex="2"]');
  const organisationOf = (rowLocator: typeof firstRow) => rowLocator.getByRole('cell').nth(1);

  const header = table.getByRole('columnheader', { name: t.field.organisation, exact: true });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(organisationOf(firstRow)).toHaveText("Anji County People's Government");
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(organisationOf(firstRow)).toHaveText('Zhejiang University');

  await page.getByRole('combobox', { name: t.field.country }).selectOption({ label: 'Kenya' });
  await expect(page.getByText(fill(t.list.count, { shown: '12', total: '200' }))).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', '13');
  await expect(table.getByRole('cell', { name: 'Kenya (KE)' })).toHaveCount(12);
  // Still sorted by organisation, descending, inside the filter.
  await expect(header).toHaveAttribute('aria-sort', 'descending');

  // Exported as shown: the twelve people from Kenya, in the list's order.
  const filteredDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: t.list.exportCsv }).click();
  const filteredFile = await filteredDownload;
  const csv = fs.readFileSync(await filteredFile.path(), 'utf8');
  expect(csv.trim().split(/\r?\n/)).toHaveLength(13);
  await expect(page.getByRole('status').filter({ hasText: fill(t.list.exported, { fileName: filteredFile.suggestedFilename(), number: '12' }) })).toBeVisible();

  await page.getByRole('searchbox', { name: t.list.search }).fill('no such person anywhere');
  await expect(page.getByRole('heading', { name: t.list.noMatchesTitle })).toBeVisible();
  await page.getByRole('button', { name: t.list.clearFilters }).first().click();
  await expect(page.getByText(fill(t.list.count, { shown: '200', total: '200' }))).toBeVisible();
  await expect(page.getByRole('searchbox', { name: t.list.search })).toHaveValue('');

  // The export is a real file download, named by the core.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: t.list.exportCsv }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: fill(t.list.exported, { fileName: file.suggestedFilename(), number: '200' }) })).toBeVisible();
});
