import captureAr from '../../resources/locales/ar/capture.json' with { type: 'json' };
import captureEn from '../../resources/locales/en/capture.json' with { type: 'json' };
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { shoot, skipUnlessShots } from './screenshots';
import { expect, startServer, stopServer, test } from './serverFixture';
import { figure } from './figures';
import { openDemoCapture } from './openCapture';

const c = captureEn.capture;
const sessionTitle = 'Digital Villages';

/** The demo forum's capture screen (Alt+6), on the side event about digital villages, in the note box. */
async function openCapture(page: Page, url: string) {
  await openDemoCapture(page, url, sessionTitle);
  await expect(page).toHaveURL(/\/capture\/[^/]+$/);
  return page.getByRole('textbox', { name: c.composer.label, exact: true });
}

const count = figure;
const note = (page: Page, text: string) => page.getByRole('list', { name: c.stream.label }).getByRole('listitem').filter({ hasText: text });

/**
 * Only the notes in view are rendered: walk up the stream with the arrow key until the note shows,
 * from the note the keyboard is on (or from the newest, when it is elsewhere).
 */
async function reachNote(page: Page, text: string) {
  const rows = page.getByRole('list', { name: c.stream.label }).getByRole('listitem');
  const focused = rows.and(page.locator(':focus'));
  if ((await focused.count()) === 0) {
    await page.keyboard.press('Alt+ArrowUp');
    await expect(focused).toHaveCount(1);
  }
  for (let i = 0; i < 60 && (await note(page, text).count()) === 0; i++) {
    const before = await focused.getAttribute('aria-posinset');
    await page.keyboard.press('ArrowUp');
    await expect(focused).not.toHaveAttribute('aria-posinset', before ?? '');
  }
  await expect(note(page, text)).toBeVisible();
}

test('twenty notes captured with the keyboard alone, attributed, tagged, marked and promoted', async ({ page, server }) => {
  await openCapture(page, server.url);
  await expect(count(page, c.counts.notes)).toHaveText('7');
  await expect(count(page, c.counts.keyMessages)).toHaveText('3');
  // The keys are listed on the screen, not only known to the people who read a manual.
  const help = page.getByRole('group').filter({ has: page.getByText(c.shortcuts.title) });
  await expect(page.getByText(c.shortcuts.promote)).toBeVisible();
  await expect(help.getByText(c.shortcuts.tag)).toBeVisible();

  for (let i = 1; i <= 20; i++) {
    await page.keyboard.type(`Point ${i}: villages need broadband and training`);
    if (i === 3) {
      // The session's speakers are offered first; typing narrows them down.
      await page.keyboard.press('Alt+S');
      await expect(page.getByRole('combobox', { name: c.speaker.label })).toBeFocused();
      await page.keyboard.type('Arjun');
      await expect(page.getByRole('option', { name: /Arjun Mehta/ })).toBeVisible();
      await page.keyboard.press('Enter');
    }
    if (i === 5) {
      await page.keyboard.press('Alt+T');
      await page.keyboard.type('11.3');
      await expect(page.getByRole('option', { name: /SDG 11\.3/ }).first()).toBeVisible();
      await page.keyboard.press('Enter');
    }
    if (i === 6) {
      await page.keyboard.press('Alt+T');
      await page.keyboard.type('digital divide');
      await expect(page.getByRole('option', { name: 'New theme: “digital divide”' })).toBeVisible();
      await page.keyboard.press('Enter');
    }
    if (i === 7) await page.keyboard.press('Alt+K');
    if (i === 12) {
      // Someone not on the list: their name as typed.
      await page.keyboard.press('Alt+S');
      await page.keyboard.type('Village elder');
      await expect(page.getByRole('option', { name: /Use “Village elder”/ })).toBeVisible();
      await page.keyboard.press('Enter');
    }
    await expect(page.getByRole('textbox', { name: c.composer.label, exact: true })).toBeFocused();
    await page.keyboard.press('Control+Enter');
  }
  await expect(count(page, c.counts.notes)).toHaveText('27');
  await expect(note(page, 'Point 20:')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: c.save.saved })).toBeVisible();

  // Promote three notes, each to its own key message: the focused one by default, then a selected one.
  await page.keyboard.press('Alt+ArrowUp');
  await expect(note(page, 'Point 20:')).toBeFocused();
  await page.keyboard.press('Alt+P');
  await expect(note(page, 'Point 20:').getByText(c.note.inKeyMessage)).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(note(page, 'Point 19:')).toBeFocused();
  await page.keyboard.press('Alt+P');
  await expect(note(page, 'Point 19:').getByText(c.note.inKeyMessage)).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press(' ');
  await expect(note(page, 'Point 18:').getByRole('checkbox')).toBeChecked();
  await page.keyboard.press('Alt+P');
  await expect(note(page, 'Point 18:').getByText(c.note.inKeyMessage)).toBeVisible();
  await expect(count(page, c.counts.keyMessages)).toHaveText('6');

  // Everything went through the core: a reload shows it all again.
  await page.reload();
  await expect(count(page, c.counts.notes)).toHaveText('27');
  await expect(count(page, c.counts.keyMessages)).toHaveText('6');
  await reachNote(page, 'Point 13:');
  await expect(note(page, 'Point 13:').getByText('Village elder')).toBeVisible();
  await reachNote(page, 'Point 7:');
  await expect(note(page, 'Point 7:').getByText(c.note.keyPoint, { exact: true })).toBeVisible();
  await reachNote(page, 'Point 6:');
  await expect(note(page, 'Point 6:').getByText('digital divide')).toBeVisible();
  await reachNote(page, 'Point 5:');
  await expect(note(page, 'Point 5:').getByText('SDG 11.3')).toBeVisible();
  await reachNote(page, 'Point 4:');
  await expect(note(page, 'Point 4:').getByText('Arjun Mehta')).toBeVisible();
  await reachNote(page, 'Point 2:');
  await expect(note(page, 'Point 2:').getByText(c.note.noSpeaker)).toBeVisible();
});

test('a note can be edited in place, deleted and brought back with Ctrl+Z', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  await composer.pressSequentially('A first thought');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(note(page, 'A first thought')).toBeFocused();
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: /Edit the note: A first thought/ });
  await expect(editor).toBeFocused();
  await page.keyboard.type(', revised');
  await page.keyboard.press('Escape');
  await expect(note(page, 'A first thought, revised')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(note(page, 'A first thought, revised')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Note deleted' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(note(page, 'A first thought, revised')).toBeVisible();
  await page.reload();
  await expect(note(page, 'A first thought, revised')).toBeVisible();
});

test('the server killed in the middle of a sentence loses at most the last keystrokes', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  const hash = await page.evaluate(() => window.location.hash);
  await composer.pressSequentially('The cooperative sold forty tonnes of tea online');
  // Past the pause after the last keystroke, the save has gone out.
  await page.waitForTimeout(600);
  await expect(page.getByRole('status').filter({ hasText: c.save.saved })).toBeVisible();
  await page.keyboard.type(' last');
  server.process.kill('SIGKILL');
  // Nothing is silently dropped: the rapporteur is told the text is not safe yet.
  await expect(page.getByRole('status').filter({ hasText: 'Not saved yet' })).toBeVisible();

  const again = await startServer(server.dbPath);
  try {
    const fresh = await page.context().newPage();
    await fresh.goto(again.url);
    await expect(fresh.getByRole('heading', { name: en.home.title })).toBeVisible();
    await fresh.evaluate((h) => (window.location.hash = h), hash);
    // Up to the last save, and at most the four letters typed just before the kill beyond it.
    await expect(note(fresh, 'The cooperative sold forty tonnes of tea online').getByRole('paragraph')).toHaveText(
      /^The cooperative sold forty tonnes of tea online( |( l| la| las| last))?$/,
    );
  } finally {
    await stopServer(again);
  }
});

test('an announcement is not read out in the old language after the interface language changes', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  await composer.pressSequentially('Training is the bottleneck now.');
  await page.keyboard.press('Alt+K');
  const status = page.locator('.announcement[role=status]');
  await expect(status).toHaveText(c.keyPoint.on);
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(status).toHaveText('');
});

test('screenshots of the capture screen in English and Arabic', async ({ page, server }) => {
  skipUnlessShots('capture');
  await page.setViewportSize({ width: 1280, height: 900 });
  const shot = (name: string) => shoot(page, 'capture', name);
  const composer = await openCapture(page, server.url);
  await composer.pressSequentially('Broadband reached 90% of villages; training is the bottleneck now.');
  await page.keyboard.press('Alt+T');
  await page.keyboard.type('11.a');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+K');
  await page.keyboard.press('Control+Enter');
  await page.keyboard.press('Alt+L');
  await page.keyboard.press('ArrowUp');
  await composer.focus();
  await page.keyboard.type('كثير من القرى تحتاج إلى تدريب رقمي للشباب');
  await page.waitForTimeout(500);
  await shot('en');
  await page.keyboard.press('Alt+T');
  await page.keyboard.type('sdg');
  await shot('en-tags');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+S');
  await shot('en-speaker');
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: en.app.interfaceLanguage }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.waitForTimeout(500);
  await shot('ar');
  await page.getByRole('textbox', { name: captureAr.capture.composer.label, exact: true }).focus();
  await page.keyboard.press('Alt+T');
  await page.keyboard.type('11');
  await shot('ar-tags');
  await page.keyboard.press('Escape');
  const picker = page.getByRole('combobox', { name: captureAr.capture.session.label, exact: true });
  const value = await picker.locator('option', { hasText: 'Coffee' }).getAttribute('value');
  await picker.selectOption(value ?? '');
  await page.waitForTimeout(500);
  await shot('ar-empty');
});
