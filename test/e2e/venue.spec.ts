import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ar from '../../resources/locales/ar/venue.json' with { type: 'json' };
import en from '../../resources/locales/en/venue.json' with { type: 'json' };
import enApp from '../../resources/locales/en/app.json' with { type: 'json' };
import { call, sendForum, startLaptop } from './laptops';
import { lookAt, switchLanguage } from './lookAt';
import { expect, stopServer, test } from './serverFixture';

const v = en.venue;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

/** Opens the venue screen as a person would: the link in the header. */
async function openVenue(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: v.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: v.title })).toBeVisible();
}

test('two laptops pair on the venue screen and a note made on one reaches the other, in English and Arabic', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-venue-'));
  const secretariat = await startLaptop(dir, 'Secretariat laptop');
  const rapporteur = await startLaptop(dir, 'Rapporteur laptop');
  const other = await browser.newContext();
  try {
    // Both laptops hold the forum already (a bundle went each way); what follows comes live.
    const forum = await call(secretariat, 'demo:create', {});
    await sendForum(secretariat, rapporteur, forum.id);
    await sendForum(rapporteur, secretariat, forum.id);

    // The secretariat switches venue mode on, on loopback (the only address every machine has).
    await page.goto(secretariat.url);
    await openVenue(page);
    await expect(page.getByRole('switch', { name: v.mode })).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByRole('contentinfo', { name: v.statusBar.label })).toContainText(v.statusBar.off);
    await page.getByRole('combobox', { name: v.address }).selectOption('127.0.0.1');
    await page.getByRole('switch', { name: v.mode }).click();
    await expect(page.getByRole('switch', { name: v.mode })).toHaveAttribute('aria-checked', 'true');
    const laptopUrl = (await page.locator('.laptop-url').textContent()) ?? '';
    expect(laptopUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/#fp=/);
    await expect(page.getByRole('img', { name: v.qrLabel })).toHaveAttribute('data-qr-text', laptopUrl);
    const code = (await page.locator('.pairing-code').getAttribute('data-code')) ?? '';
    expect(code).toMatch(/^\d{6}$/);
    await expect(page.getByRole('contentinfo', { name: v.statusBar.label })).toContainText(fill(v.statusBar.on, { address: '127.0.0.1' }));
    await lookAt(page, 'venue', 'on', page.locator('.venue-mode'));

    // The rapporteur's laptop joins it: first with a wrong code, which is refused in words.
    const joiner = await other.newPage();
    await joiner.goto(rapporteur.url);
    await openVenue(joiner);
    await expect(joiner.getByText(v.noPeers)).toBeVisible();
    const join = joiner.getByRole('region', { name: v.joinTitle });
    await join.getByRole('textbox', { name: v.laptopUrl }).fill('not an address');
    await join.getByRole('textbox', { name: v.pairingCode }).fill('12');
    await join.getByRole('button', { name: v.join }).click();
    await expect(join.getByText(enApp.validation.laptopUrl)).toBeVisible();
    await expect(join.getByText(enApp.validation.pairingCode)).toBeVisible();

    await join.getByRole('textbox', { name: v.laptopUrl }).fill(laptopUrl);
    await join.getByRole('textbox', { name: v.pairingCode }).fill(code === '000000' ? '000001' : '000000');
    await join.getByRole('button', { name: v.join }).click();
    const refusal = join.getByRole('alert');
    await expect(refusal).toBeVisible();
    const refusalText = (await refusal.locator('p').first().textContent()) ?? '';
    // Translated: one of the app's error messages, not a bare code.
    expect(Object.values(enApp.errors)).toContain(refusalText);
    expect(await call(rapporteur, 'peers:list', {})).toEqual([]);

    await join.getByRole('textbox', { name: v.pairingCode }).fill(code);
    await join.getByRole('button', { name: v.join }).click();
    await expect(join.getByRole('status')).toHaveText(fill(v.joined, { name: 'Secretariat laptop' }));
    const peers = joiner.getByRole('region', { name: v.peersTitle });
    await expect(peers.getByRole('row', { name: /Secretariat laptop/ })).toBeVisible();

    // A note made on the secretariat's laptop reaches the rapporteur's within a few rounds.
    const agenda = await call(secretariat, 'agenda:get', { forumId: forum.id });
    const sessionId = agenda.sessions[0]?.id ?? '';
    const text = 'Venue network: the water tariffs note made on the secretariat laptop.';
    await call(secretariat, 'notes:create', { sessionId, lang: 'en', text });
    await expect
      .poll(
        async () => {
          await peers.getByRole('button', { name: v.syncNow }).click();
          await expect(peers.getByRole('status')).not.toBeEmpty();
          return (await call(rapporteur, 'notes:list', { sessionId })).map((n) => n.text);
        },
        { timeout: 60_000, intervals: [500, 1000, 2000] },
      )
      .toContain(text);

    // The status bar shows the secretariat's laptop and how long ago the last exchange was.
    const bar = joiner.getByRole('contentinfo', { name: v.statusBar.label });
    await expect(bar).toContainText('Secretariat laptop');
    await expect(bar.locator('.peer-age')).not.toHaveText(v.statusBar.never);
    await expect(peers.getByRole('row', { name: /Secretariat laptop/ })).toContainText(v.states.ok);
    await lookAt(joiner, 'venue', 'paired', joiner.locator('.venue-peers'));

    // In Arabic the screen and the bar follow.
    await switchLanguage(joiner, 'ar');
    await expect(joiner.getByRole('heading', { level: 1, name: ar.venue.title })).toBeVisible();
    await expect(joiner.getByRole('contentinfo', { name: ar.venue.statusBar.label })).toContainText('Secretariat laptop');
    await switchLanguage(joiner, 'en');

    // Switched off on the secretariat's laptop: the bar says so.
    await page.getByRole('switch', { name: v.mode }).click();
    await expect(page.getByRole('switch', { name: v.mode })).toHaveAttribute('aria-checked', 'false');
    await expect(page.getByRole('contentinfo', { name: v.statusBar.label })).toContainText(v.statusBar.off);
  } finally {
    await other.close();
    await stopServer(rapporteur);
    await stopServer(secretariat);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
