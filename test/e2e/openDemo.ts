import type { Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import { expect } from './serverFixture';

/** Creates the demo forum from the home screen as a newcomer would; returns its id. */
export async function openDemo(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('button', { name: en.home.tryDemo }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  const forumId = /#\/forum\/([^/]+)/.exec(page.url())?.[1];
  if (!forumId) throw new Error(`no forum in ${page.url()}`);
  return decodeURIComponent(forumId);
}
