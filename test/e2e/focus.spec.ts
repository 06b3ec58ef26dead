import type { Page } from '@playwright/test';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import draftingEn from '../../resources/locales/en/drafting.json' with { type: 'json' };
import exportsEn from '../../resources/locales/en/exports.json' with { type: 'json' };
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const d = draftingEn.drafting;
const point = (page: Page, number: number) => page.getByRole('article', { name: `Paragraph ${number}`, exact: true });

/**
 * The focused element's ring against what it is drawn on (the nearest opaque background around
 * it), as a WCAG contrast ratio; null when nothing is focused or no ring is drawn.
 */
function focusRingContrast(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!(element instanceof HTMLElement) || element === document.body) return null;
    const style = getComputedStyle(element);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) === 0) return { name: element.outerHTML.slice(0, 80), ratio: 0 };
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    // An outline drawn inside the element sits on its own background; outside, on its parent's.
    let around: Element | null = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (around) {
      const value = getComputedStyle(around).backgroundColor;
      const alpha = rgb(value)[3];
      if (value !== 'transparent' && alpha !== 0) {
        background = value;
        break;
      }
      around = around.parentElement;
    }
    const [a, b] = [luminance(rgb(style.outlineColor)), luminance(rgb(background))];
    return { name: element.outerHTML.slice(0, 80), ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
  });
}

test('a skip link comes first, navigation lands on the new screen’s heading, Esc returns focus where it came from', async ({ page, server }) => {
  await openDemo(page, server.url);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();

  // The first Tab offers to skip the header and the forum's sections.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: en.app.skipToContent });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  expect(page.url()).toMatch(/#\/forum\//);

  // A section chosen in the forum's navigation: the focus is on that screen's heading.
  await page.getByRole('navigation', { name: en.forumNav.label }).getByRole('link', { name: en.forumNav.agenda, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: d.title })).toBeFocused();

  // Esc in the paragraph's editor goes back to the paragraph, as the shortcut list says.
  await point(page, 2).focus();
  await page.keyboard.press('Enter');
  const editorBox = page.getByRole('complementary').getByRole('textbox').first();
  await expect(editorBox).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(point(page, 2)).toBeFocused();

  // Esc on a dialog gives the focus back to what opened it.
  const opener = page.getByRole('button', { name: exportsEn.exports.open.outcome });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: exportsEn.exports.titles.outcome });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('the focus ring stands out 3:1 from what it is drawn on, in the header, on the page and on the projector', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  const weak: string[] = [];
  const walk = async (steps: number) => {
    for (let i = 0; i < steps; i++) {
      await page.keyboard.press('Tab');
      const ring = await focusRingContrast(page);
      if (ring && ring.ratio < 3) weak.push(`${ring.ratio.toFixed(2)} ${ring.name}`);
    }
  };
  await page.reload();
  await walk(30);
  await page.getByRole('link', { name: en.forumNav.drafting, exact: true }).click();
  await walk(30);
  await page.goto(`${server.url.split('#')[0]}#/forum/${encodeURIComponent(forumId)}/projector`);
  await walk(6);
  expect(weak).toEqual([]);
});
