import ar from '../../resources/locales/ar/app.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import zh from '../../resources/locales/zh/app.json' with { type: 'json' };
import { expect, test } from './serverFixture';
import { figure } from './figures';

test('a newcomer opens the demo forum and sees its figures, agenda and draft', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByRole('heading', { name: en.home.emptyTitle })).toBeVisible();
  await page.getByRole('button', { name: en.home.tryDemo }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  await expect(figure(page, en.figures.participants)).toHaveText('200');
  await expect(figure(page, en.figures.countries)).toHaveText('17');
  await expect(figure(page, en.figures.internationalOrganisations)).toHaveText('18');
  await expect(page.getByRole('heading', { name: en.forum.agenda })).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /Draft outcome: Consensus/ })).toBeVisible();

  // Content shown in Chinese carries its own language; the draft's missing Spanish translation is counted.
  await page.getByRole('combobox', { name: en.forum.contentLanguage }).selectOption('zh');
  await expect(page.getByRole('heading', { level: 1, name: '城乡联系论坛' })).toBeVisible();
  await expect(page.getByText('城乡联系论坛', { exact: true })).toHaveAttribute('lang', 'zh');
  await page.getByRole('combobox', { name: en.forum.contentLanguage }).selectOption('es');
  await expect(page.getByText('Consenso de Songyang 2026 sobre los Vínculos Urbano-Rurales', { exact: true })).toHaveAttribute('lang', 'es');
  await expect(page.getByText('1 paragraph with translations missing or out of date')).toBeVisible();

  // Back home, the demo forum is listed.
  await page.getByRole('link', { name: en.app.homeLink }).click();
  await expect(page.getByRole('link', { name: 'Open Forum on Urban-Rural Linkages' })).toBeVisible();
});

test('switching to Arabic turns the page right to left, and the choice persists', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: ar.home.title })).toBeVisible();
  const direction = await page.getByRole('banner').evaluate((el) => getComputedStyle(el).direction);
  expect(direction).toBe('rtl');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: ar.home.title })).toBeVisible();

  await page.getByRole('combobox', { name: ar.app.interfaceLanguage }).selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh');
  await expect(page.getByRole('heading', { level: 1, name: zh.home.title })).toBeVisible();
  await expect(page.getByRole('button', { name: zh.home.tryDemo })).toBeVisible();
});

test('creating a forum shows the date-range error beside the field, then persists', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: en.home.newForum }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.forumForm.newTitle })).toBeVisible();

  await page.getByRole('checkbox', { name: 'Spanish' }).check();
  await page.getByRole('textbox', { name: 'Title in Spanish' }).fill('Reunión del grupo de expertos sobre planificación territorial');
  await page.getByRole('textbox', { name: 'Venue in English (source)' }).fill('Mérida, Mexico');
  await page.getByLabel(en.forumForm.startDate).fill('2026-05-12');
  await page.getByLabel(en.forumForm.endDate).fill('2026-05-10');
  await page.getByLabel(en.forumForm.timeZone).fill('America/Merida');
  await page.getByRole('combobox', { name: en.forumForm.outcomeKind }).selectOption('communique');
  await page.getByRole('button', { name: en.forumForm.addCoOrganiser }).click();
  await page.getByRole('textbox', { name: 'Co-organiser 1' }).fill('UN-Habitat');
  await page.getByRole('button', { name: en.common.save }).click();

  const endDate = page.getByLabel(en.forumForm.endDate);
  await expect(endDate).toHaveAttribute('aria-invalid', 'true');
  await expect(endDate).toHaveAccessibleDescription(en.validation.endBeforeStart);
  const title = page.getByRole('textbox', { name: 'Title in English (source)' });
  await expect(title).toHaveAccessibleDescription(en.validation.titleRequired);
  await expect(page).toHaveURL(/#\/new$/);

  await title.fill('Expert Group Meeting on Territorial Planning');
  await expect(title).not.toHaveAttribute('aria-invalid', 'true');

  await endDate.fill('2026-05-14');
  await page.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Expert Group Meeting on Territorial Planning' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Expert Group Meeting on Territorial Planning' })).toBeVisible();
  await expect(page.getByText('UN-Habitat')).toBeVisible();
  await page.getByRole('link', { name: en.app.homeLink }).click();
  await expect(page.getByRole('link', { name: 'Open Expert Group Meeting on Territorial Planning' })).toBeVisible();
});

test('editing a forum keeps what was not touched', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: en.home.tryDemo }).click();
  await page.getByRole('link', { name: en.forum.edit }).click();
  await expect(page.getByRole('heading', { level: 1, name: en.forumForm.editTitle })).toBeVisible();
  const title = page.getByRole('textbox', { name: 'Title in English (source)' });
  await expect(title).toHaveValue('Forum on Urban-Rural Linkages');
  await title.fill('Forum on Urban-Rural Linkages, third edition');
  await page.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages, third edition' })).toBeVisible();
  await expect(figure(page, en.figures.participants)).toHaveText('200');
});
