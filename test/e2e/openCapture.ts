import type { Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import captureEn from '../../resources/locales/en/capture.json' with { type: 'json' };
import { expect } from './serverFixture';

const c = captureEn.capture;
export const digitalVillages = 'Digital Villages';

/** The demo forum's capture screen (Alt+6) on one session, the keyboard in the note box; returns the forum's id. */
export async function openDemoCapture(page: Page, url: string, sessionTitle = digitalVillages): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: en.home.tryDemo }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  const forumId = decodeURIComponent(/#\/forum\/([^/]+)/.exec(page.url())?.[1] ?? '');
  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
  const picker = page.getByRole('combobox', { name: c.session.label, exact: true });
  const value = await picker.locator('option', { hasText: sessionTitle }).getAttribute('value');
  await picker.selectOption(value ?? '');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(sessionTitle) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: c.composer.label, exact: true })).toBeFocused();
  return forumId;
}

/** A note in the stream, by words of its text. */
export const streamNote = (page: Page, text: string, label = c.stream.label) => page.getByRole('list', { name: label }).getByRole('listitem').filter({ hasText: text });
