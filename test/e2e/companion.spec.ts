import type { Browser, Page } from '@playwright/test';
import ar from '../../resources/locales/ar/companion.json' with { type: 'json' };
import en from '../../resources/locales/en/companion.json' with { type: 'json' };
import { startCompanion } from './companionFixture';
import { call } from './laptops';
import { lookAt, seriousViolations } from './lookAt';
import { openDemo } from './openDemo';
import { shoot } from './screenshots';
import { expect, test } from './serverFixture';

const phone = { width: 390, height: 844 };
const tablet = { width: 768, height: 1024 };
const words = { en: en.companion.page, ar: ar.companion.page };

/** The companion as a participant's phone opens it: its own browser context, its own language. */
async function openCompanion(browser: Browser, url: string, lang: 'en' | 'ar', viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: lang === 'ar' ? 'ar' : 'en-GB' });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Forum on Urban-Rural Linkages');
  return page;
}

/** A piece from the middle of a paragraph: the same whatever label the page puts before it. */
const middleOf = (text: string) => text.slice(20, 60);

for (const lang of ['en', 'ar'] as const) {
  test(`the companion follows the draft projector on a phone and a tablet in ${lang}`, async ({ page, server, browser }) => {
    test.setTimeout(180_000);
    const forumId = await openDemo(page, server.url);
    const draft = await call(server, 'outcome:get', { documentId: forumId });
    const points = draft.paragraphs.filter((p) => p.kind !== 'heading');
    const [first, second] = points;
    if (!first || !second) throw new Error('the demo document has points');
    const link = await call(server, 'companion:link', { forumId });

    // The companion listens beside the laptop's server, on a read-only connection to its database.
    const companion = await startCompanion(server.dbPath);
    try {
      const url = `http://127.0.0.1:${companion.port}${link.path}`;
      await page.evaluate((id) => (window.location.hash = `#/forum/${id}/drafting/${id}/projector`), forumId);
      await expect(page.locator('.draft-projector-text')).toBeVisible();

      const t = words[lang];
      const phones = [await openCompanion(browser, url, lang, phone), await openCompanion(browser, url, lang, tablet)];
      // The demo works in English, Chinese and Spanish: an Arabic page reads the English source, in its own lang and dir.
      const shown = (paragraph: typeof first) => middleOf(paragraph.text.en ?? '');
      for (const p of phones) {
        const screen = p.getByRole('region', { name: t.screen });
        await expect(screen).toContainText(shown(first));
        await expect(screen.locator('.paragraph-text')).toHaveAttribute('lang', 'en');
        await expect(screen.locator('.paragraph-text')).toHaveAttribute('dir', 'ltr');
      }

      await page.keyboard.press('ArrowRight');
      await expect(page).toHaveURL(new RegExp(`/projector/${second.id}$`));
      for (const p of phones) await expect(p.getByRole('region', { name: t.screen })).toContainText(shown(second), { timeout: 10_000 });

      // My sessions, by a name on the programme, accents and case ignored.
      const [small] = phones;
      await small!.getByRole('searchbox', { name: t.yourName }).fill('grace wanjiru');
      await small!.getByRole('button', { name: t.find }).click();
      await expect(small!.getByRole('region', { name: t.mine })).toContainText('Opening Ceremony');

      for (const p of phones) {
        await expect(p.getByRole('region', { name: t.agenda })).toContainText('Parallel Session A');
        expect(await seriousViolations(p), `axe at ${p.viewportSize()?.width}`).toEqual([]);
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, 'pixels wider than the screen').toBeLessThanOrEqual(0);
        if (process.env.PLENARY_SHOTS) {
          const width = p.viewportSize()?.width ?? 0;
          await p.evaluate(() => window.scrollTo(0, 0));
          await shoot(p, 'companion', `${lang}-${width}`, false);
          await p.locator('#screen').evaluate((element) => element.scrollIntoView({ block: 'start' }));
          await shoot(p, 'companion', `${lang}-${width}-screen`, false);
          await shoot(p, 'companion', `${lang}-${width}-page`, true);
        }
        await p.context().close();
      }
    } finally {
      await companion.stop();
    }
  });
}

test('the secretariat posts an announcement from the overview; phones see it, and not once it is withdrawn', async ({ page, server, browser }) => {
  test.setTimeout(180_000);
  const forumId = await openDemo(page, server.url);
  const panelWords = en.companion.panel;
  const panel = page.getByRole('region', { name: panelWords.title });
  await expect(panel.getByText(/^\/c\/[A-Za-z0-9_-]{32}\/$/)).toBeVisible();
  const link = await call(server, 'companion:link', { forumId });
  await panel.getByRole('textbox', { name: panelWords.text }).fill('Lunch is served on the terrace.');
  await panel.getByRole('button', { name: panelWords.post }).click();
  await expect(panel.getByRole('status').filter({ hasText: panelWords.posted })).toBeVisible();
  await expect(panel.getByRole('listitem').filter({ hasText: 'Lunch is served on the terrace.' })).toBeVisible();

  const companion = await startCompanion(server.dbPath);
  try {
    const phonePage = await openCompanion(browser, `http://127.0.0.1:${companion.port}${link.path}`, 'en', phone);
    const announcements = phonePage.getByRole('region', { name: words.en.announcements });
    await expect(announcements).toContainText('Lunch is served on the terrace.');
    await expect(announcements.locator('.announcement-text')).toHaveAttribute('lang', 'en');

    await panel.getByRole('button', { name: panelWords.withdraw }).click();
    await expect(panel.getByRole('button', { name: panelWords.restore })).toBeVisible();
    // The phone reads announcements again every 15 s.
    await expect(announcements).toContainText(words.en.noAnnouncements, { timeout: 30_000 });

    // A new link: the phone's old one stops at once, and the open page says so at its next look.
    await panel.getByRole('button', { name: panelWords.revoke }).click();
    await page.getByRole('dialog', { name: panelWords.revoke }).getByRole('button', { name: panelWords.revokeYes }).click();
    await expect(panel.getByRole('status').filter({ hasText: panelWords.revoked })).toBeVisible();
    await expect(phonePage.getByRole('status')).toHaveText(words.en.linkInvalid, { timeout: 10_000 });
    await phonePage.context().close();

    await panel.scrollIntoViewIfNeeded();
    await lookAt(page, 'companion', 'panel', page.locator('.companion-panel'));
  } finally {
    await companion.stop();
  }
});
