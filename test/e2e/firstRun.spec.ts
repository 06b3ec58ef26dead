import en from '../../resources/locales/en/app.json' with { type: 'json' };
import participantsEn from '../../resources/locales/en/participants.json' with { type: 'json' };
import { call } from './laptops';
import { lookAt } from './lookAt';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const steps = en.forum.nextSteps;
const checkIn = participantsEn.participants.checkIn;

test('a new forum says what to do next, check-in with nobody listed leads to the list, and a forum is deleted with undo', async ({ page, server }) => {
  const forum = await call(server, 'forums:create', {
    title: { en: 'Expert group meeting on land' }, theme: {}, venue: { en: 'Nairobi' }, startDate: '2026-12-08', endDate: '2026-12-09',
    timeZone: 'Africa/Nairobi', coOrganisers: [], languages: ['en', 'fr'], sourceLanguage: 'en', outcomeKind: 'key_messages',
  });
  // The first visit takes the server's key from its address; later ones go straight to a screen.
  await page.goto(server.url);
  const overview = () => page.goto(`${server.url.split('#')[0]}#/forum/${encodeURIComponent(forum.id)}`);
  await overview();
  const next = page.getByRole('region', { name: steps.title });
  await expect(next.getByRole('listitem')).toHaveCount(5);
  await expect(next.getByText('0 of 5 done')).toBeVisible();
  // The first step not done is the one offered as the main button.
  await expect(next.getByRole('link', { name: steps.agenda })).toHaveAttribute('aria-current', 'step');

  // A session on the agenda: that step is done, and the next one becomes the main button.
  await call(server, 'sessions:create', {
    forumId: forum.id,
    session: { day: '2026-12-08', startTime: '09:00', endTime: '10:00', kind: 'plenary', title: { en: 'Opening' }, room: {}, description: {}, roles: [] },
  });
  await page.reload();
  await expect(next.getByText('1 of 5 done')).toBeVisible();
  await expect(next.getByRole('link', { name: steps.participants })).toHaveAttribute('aria-current', 'step');
  await lookAt(page, 'first-run', 'next-steps', page.locator('.next-steps'));

  // Check-in with nobody listed says so and leads to the list.
  await page.getByRole('link', { name: en.forumNav.checkIn, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: checkIn.emptyTitle })).toBeVisible();
  await lookAt(page, 'first-run', 'check-in-empty');
  await page.getByRole('link', { name: checkIn.emptyImport }).click();
  await expect(page).toHaveURL(/\/participants\/import$/);

  // Deleted after a confirmation; gone from the list; Ctrl+Z brings it back.
  await overview();
  await page.getByRole('button', { name: en.forum.delete.button }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete “Expert group meeting on land”?' });
  await dialog.getByRole('button', { name: en.common.cancel }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: en.forum.delete.button }).click();
  await lookAt(page, 'first-run', 'delete-dialog');
  await dialog.getByRole('button', { name: en.forum.delete.confirm }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.home.title })).toBeVisible();
  await expect(page.getByRole('status').getByText('“Expert group meeting on land” was deleted.')).toBeVisible();
  await expect(page.getByRole('link', { name: /Expert group meeting on land/ })).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('link', { name: /Expert group meeting on land/ })).toBeVisible();
  expect((await call(server, 'forums:list', {})).map((f) => f.id)).toContain(forum.id);

  // Deleted again and restored from the list of deleted forums.
  await overview();
  await page.getByRole('button', { name: en.forum.delete.button }).click();
  await page.getByRole('button', { name: en.forum.delete.confirm }).click();
  await page.getByRole('button', { name: en.home.deleted.dismiss }).click();
  await page.getByText('Deleted forums (1)').click();
  await lookAt(page, 'first-run', 'deleted-forums', page.locator('.deleted-forums'));
  await page.getByRole('button', { name: 'Restore “Expert group meeting on land”' }).click();
  await expect(page.getByRole('link', { name: /Expert group meeting on land/ })).toBeVisible();
});

test('the demo is added once; asked again, the home screen opens it', async ({ page, server }) => {
  const demoId = await openDemo(page, server.url);
  await page.getByRole('link', { name: en.app.homeLink }).click();
  await expect(page.getByRole('button', { name: en.home.addDemo })).toHaveCount(0);
  await page.getByRole('link', { name: en.home.openDemo }).click();
  await expect(page).toHaveURL(new RegExp(`#/forum/${demoId}$`));
  expect((await call(server, 'forums:list', {})).filter((f) => f.isDemo)).toHaveLength(1);
});
