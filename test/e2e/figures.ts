import type { Page } from '@playwright/test';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The value of a figure in a list of terms and values (the overview's participation figures, an
 * import's counts): the definition beside the term that reads exactly `label`.
 */
export function figure(page: Page, label: string) {
  const term = page.getByRole('term').filter({ hasText: new RegExp(`^${escapeRegExp(label)}$`) });
  return page.locator('dl > div').filter({ has: term }).getByRole('definition');
}
