import type { Page } from '@playwright/test';
import decisionsEn from '../../resources/locales/en/decisions.json' with { type: 'json' };
import issuancesEn from '../../resources/locales/en/issuances.json' with { type: 'json' };
import { expect } from './serverFixture';

// Steps of a negotiation that several specs take the same way, in English, by keyboard where the
// screens are keyboard-first.

const point = (page: Page, number: string) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });
const panel = (page: Page) => page.getByRole('complementary');

/** The drafting screen's list of issuances. */
export const issuancesList = (page: Page) => page.locator('details.document-issuances');

/** I from the first paragraph: the issue dialog, its symbol typed (or as offered), then Issue. */
export async function issue(page: Page, typed: string | undefined, expected: string): Promise<void> {
  const i = issuancesEn.issuances;
  await point(page, '1').focus();
  await page.keyboard.press('i');
  const dialog = page.getByRole('dialog', { name: i.dialogTitle });
  const box = dialog.getByRole('textbox', { name: i.symbol });
  await expect(box).toBeFocused();
  if (typed !== undefined) await box.fill(typed);
  await expect(box).toHaveValue(expected);
  await dialog.getByRole('button', { name: i.confirm, exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(issuancesList(page).getByRole('rowheader', { name: expected, exact: true })).toBeVisible();
}

/** In the Decisions tab's vote grid: finds a delegation by typing, goes down to it and presses its vote's key. */
export async function vote(page: Page, delegation: string, key: string): Promise<void> {
  const filter = panel(page).getByRole('searchbox', { name: decisionsEn.decisions.grid.filter });
  await filter.fill(delegation);
  await filter.press('ArrowDown');
  await expect(panel(page).getByRole('listitem', { name: new RegExp(`^${delegation}: `) })).toBeFocused();
  await page.keyboard.press(key);
}
