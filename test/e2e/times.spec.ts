import amendmentsEn from '../../resources/locales/en/amendments.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemoCapture, streamNote } from './openCapture';
import { expect, test } from './serverFixture';

const am = amendmentsEn.amendments;
const venue = 'Asia/Shanghai'; // the demo forum meets in Songyang

// Intl puts narrow no-break spaces before "PM": compare with plain spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');
/** What the venue's clock reads now, as English writes it (computed here, not by the app's function). */
const venueClock = (withDate: boolean) =>
  plain(new Intl.DateTimeFormat('en', { ...(withDate ? { day: 'numeric', month: 'short' } : {}), hour: 'numeric', minute: '2-digit', timeZone: venue } as const).format(new Date()));

/** Writes a note; returns the venue's minutes it may have been written in (the clock may turn meanwhile). */
async function writeNote(page: Page, text: string): Promise<string[]> {
  const before = venueClock(false);
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await expect(streamNote(page, text)).toBeVisible();
  return [before, venueClock(false)];
}

async function proposeAmendment(page: Page): Promise<{ card: ReturnType<Page['getByRole']>; minutes: string[] }> {
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await page.getByRole('article', { name: 'Paragraph 3', exact: true }).click();
  await page.getByRole('tab', { name: new RegExp(`^${draftingEn.drafting.tabs.amendments}`) }).click();
  const panel = page.getByRole('region', { name: am.title, exact: true });
  await panel.getByRole('button', { name: am.propose.open }).click();
  const form = panel.getByRole('form', { name: am.propose.title });
  const before = venueClock(true);
  await form.getByRole('textbox', { name: am.propose.text }).fill('Culture is the living root of rural identity.');
  await form.getByRole('textbox', { name: am.delegation.name }).fill('Kenya');
  await form.getByRole('button', { name: am.propose.submit, exact: true }).click();
  await expect(form).toBeHidden();
  return { card: panel.getByRole('article', { name: /^Amendment 1:/ }), minutes: [before, venueClock(true)] };
}

test.describe('on a laptop still on London time', () => {
  test.use({ timezoneId: 'Europe/London' });

  test('a note and an amendment both read the venue’s clock, in English’s 12-hour convention, and name the zone', async ({ page, server }) => {
    await openDemoCapture(page, server.url);
    const minutes = await writeNote(page, 'The minute this was said');
    const noteTime = plain((await streamNote(page, 'The minute this was said').locator('time').textContent()) ?? '');
    expect(minutes.map((m) => `${m} GMT+8`)).toContain(noteTime);

    const { card, minutes: moments } = await proposeAmendment(page);
    const proposed = plain((await card.getByText(/^Proposed /).textContent()) ?? '');
    expect(moments.map((m) => am.card.proposedAt.replace('{{time}}', `${m} GMT+8`))).toContain(proposed);
  });
});

test.describe('on a laptop set to the venue’s zone', () => {
  test.use({ timezoneId: venue });

  test('the times are not labelled with a zone', async ({ page, server }) => {
    await openDemoCapture(page, server.url);
    const minutes = await writeNote(page, 'Said at the venue');
    expect(minutes).toContain(plain((await streamNote(page, 'Said at the venue').locator('time').textContent()) ?? ''));
    const { card, minutes: moments } = await proposeAmendment(page);
    expect(moments.map((m) => am.card.proposedAt.replace('{{time}}', m))).toContain(plain((await card.getByText(/^Proposed /).textContent()) ?? ''));
  });
});
