import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const d = draftingEn.drafting;

test('the Consensus’s details carry its figures, its co-organisers in Chinese and its contacts; a wrong e-mail is refused beside its field', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeVisible();
  await page.getByText(d.details.title, { exact: true }).click();
  const details = page.getByRole('form', { name: d.details.title });

  // A Consensus prints the participation sentence under its title unless the document says otherwise.
  const figures = details.getByRole('checkbox', { name: d.details.participation });
  await expect(figures).toBeChecked();
  await expect(figures).toHaveAccessibleDescription(d.details.participationHint);
  await expect(details.getByRole('checkbox', { name: d.details.closingLine })).toBeChecked();
  await expect(details.getByRole('textbox', { name: `${d.details.coOrganiserNames} in Chinese` })).toHaveValue(/^联合国人居署\n浙江省住房和城乡建设厅/);
  const contacts = details.getByRole('group', { name: d.contacts.legend });
  const first = contacts.getByRole('group', { name: 'Contact 1' });
  await expect(first.getByRole('textbox', { name: 'Organisation in Chinese' })).toHaveValue('论坛秘书处（松阳县外事办公室）');

  const email = first.getByRole('textbox', { name: d.contacts.email });
  await email.fill('secretariat at songyang');
  await details.getByRole('button', { name: d.details.save }).click();
  await expect(email).toHaveAccessibleDescription(en.validation.email);
  await email.fill('secretariat@example.org');
  await figures.uncheck();
  await details.getByRole('button', { name: d.details.save }).click();
  await expect(details.getByRole('status')).toHaveText(d.details.saved);

  // Saved: the switch stays off after a reload.
  await page.reload();
  await page.getByText(d.details.title, { exact: true }).click();
  await expect(page.getByRole('form', { name: d.details.title }).getByRole('checkbox', { name: d.details.participation })).not.toBeChecked();
});

test('the forum form names the co-organisers per language', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forum.edit }).click();
  const spanish = page.getByRole('textbox', { name: `${en.forumForm.coOrganiserNames} in Spanish` });
  await expect(spanish).toHaveValue(/^ONU-Hábitat\n/);
  await expect(spanish).toHaveAccessibleDescription(en.forumForm.coOrganiserNamesHint);
  await spanish.fill('ONU-Hábitat\nGobierno de Zhejiang');
  await page.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  await page.getByRole('link', { name: en.forum.edit }).click();
  await expect(page.getByRole('textbox', { name: `${en.forumForm.coOrganiserNames} in Spanish` })).toHaveValue('ONU-Hábitat\nGobierno de Zhejiang');
});

test('a new document’s switches follow the kind chosen until the user sets them', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await page.getByRole('button', { name: d.newDocument.button }).click();
  const kind = page.getByRole('combobox', { name: d.details.kind });
  const figures = page.getByRole('checkbox', { name: d.details.participation });
  const closingLine = page.getByRole('checkbox', { name: d.details.closingLine });
  await expect(figures).toBeChecked();
  await kind.selectOption('concept_note');
  await expect(figures).not.toBeChecked();
  await expect(closingLine).not.toBeChecked();
  await closingLine.check();
  await kind.selectOption('consensus');
  await expect(figures).toBeChecked();
  // Set by hand: kept whatever the kind.
  await kind.selectOption('concept_note');
  await expect(closingLine).toBeChecked();
});
