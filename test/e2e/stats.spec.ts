import ar from '../../resources/locales/ar/app.json' with { type: 'json' };
import arStats from '../../resources/locales/ar/stats.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enStats from '../../resources/locales/en/stats.json' with { type: 'json' };
import { expect, test } from './serverFixture';
import { figure } from './figures';

const s = enStats.stats;

test('the demo forum’s statistics: figures, the seeds’ sentence and the charts, in English and in Arabic', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('button', { name: en.home.tryDemo }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  await page.getByRole('link', { name: en.forumNav.stats }).click();
  await expect(page).toHaveURL(/#\/forum\/[^/]+\/statistics$/);
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();

  await expect(figure(page, s.figures.participants)).toHaveText('200');
  await expect(figure(page, s.figures.checkedIn)).toHaveText('0');
  await expect(figure(page, s.figures.organisations)).toHaveText('62');
  await expect(figure(page, s.figures.internationalOrganisations)).toHaveText('18');
  await expect(figure(page, s.figures.countries)).toHaveText('17');
  await expect(page.getByText('200 participants, 18 international organisations, 17 countries', { exact: true })).toBeVisible();

  for (const caption of [s.chart.orgType, s.chart.gender, s.chart.role, s.chart.region, s.balance.gender, s.balance.region, s.chart.sessions]) {
    const chart = page.getByRole('figure', { name: caption, exact: true });
    await expect(chart).toBeVisible();
    await expect(chart.getByRole('img', { name: new RegExp(`^${caption.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. `) })).toBeVisible();
  }
  // Seventeen countries: the ten largest drawn, all seventeen in the table.
  const countries = page.getByRole('figure', { name: s.chart.topCountries.replace('{{shown}}', '10') });
  await expect(countries.getByRole('img')).toHaveAccessibleName(/^The 10 countries with the most participants\. China: 100, /);
  await countries.getByText(s.chart.showTable).click();
  await expect(countries.getByRole('table').getByRole('rowheader')).toHaveCount(17);
  await expect(countries.getByRole('row', { name: /Thailand 4 2%/ })).toBeVisible();

  // The screen-reader summary says what the bars show.
  await expect(page.getByRole('img', { name: /^Participants by region\. / })).toHaveAccessibleName(
    'Participants by region. Africa: 17, Asia: 120, Europe: 34, North America: 14, South America: 15',
  );
  const sessions = page.getByRole('figure', { name: s.chart.sessions });
  await sessions.getByText(s.chart.showTable).click();
  await expect(sessions.getByRole('row', { name: /Opening Ceremony and High-Level Dialogue 9 1 1 5 2 3 2/ })).toBeVisible();
  const gender = page.getByRole('figure', { name: s.balance.gender });
  await gender.getByText(s.chart.showTable).click();
  await expect(gender.getByRole('row', { name: /Female 45% \(90\) 52\.3% \(23\)/ })).toBeVisible();

  // Bars grow from the inline start: the left in English, the right in Arabic.
  const firstBar = page.getByRole('figure', { name: s.chart.orgType }).locator('rect.bar').first();
  expect(Number(await firstBar.getAttribute('x'))).toBe(0);

  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const a = arStats.stats;
  await expect(page.getByRole('heading', { level: 1, name: a.title })).toBeVisible();
  await expect(page.getByText('200 مشارك، 18 منظمةً دوليةً، 17 دولةً', { exact: true })).toBeVisible();
  await expect(figure(page, a.figures.countries)).toHaveText(/^(17|١٧)$/);
  await expect(page.getByRole('figure', { name: a.chart.region })).toBeVisible();
  await expect(page.getByRole('link', { name: ar.forumNav.stats })).toHaveAttribute('aria-current', 'page');
  const arabicChart = page.getByRole('figure', { name: a.chart.orgType });
  const arabicBar = arabicChart.locator('rect.bar').first();
  const [x, width] = [Number(await arabicBar.getAttribute('x')), Number(await arabicBar.getAttribute('width'))];
  const drawing = Number(await arabicChart.getByRole('img').getAttribute('width'));
  expect(width).toBeGreaterThan(0);
  expect(x + width).toBeCloseTo(drawing, 5);
});

test('a forum with nobody yet says so and offers to add or import people', async ({ page, server }) => {
  await page.goto(server.url);
  await page.getByRole('link', { name: en.home.newForum }).click();
  await page.getByRole('textbox', { name: 'Title in English (source)' }).fill('Workshop on Rural Heritage');
  await page.getByRole('textbox', { name: 'Venue in English (source)' }).fill('Mérida, Mexico');
  await page.getByLabel(en.forumForm.startDate).fill('2026-05-12');
  await page.getByLabel(en.forumForm.endDate).fill('2026-05-14');
  await page.getByLabel(en.forumForm.timeZone).fill('America/Merida');
  await page.getByRole('combobox', { name: en.forumForm.outcomeKind }).selectOption('communique');
  await page.getByRole('button', { name: en.common.save }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Workshop on Rural Heritage' })).toBeVisible();

  await page.getByRole('link', { name: en.forumNav.stats }).click();
  await expect(page.getByRole('heading', { level: 2, name: s.empty.title })).toBeVisible();
  await expect(page.getByRole('link', { name: s.empty.add })).toBeVisible();
  await expect(page.getByRole('link', { name: s.empty.import })).toHaveAttribute('href', /\/participants\/import$/);
  await expect(page.getByRole('figure')).toHaveCount(0);
});
