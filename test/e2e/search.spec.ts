import en from '../../resources/locales/en/app.json' with { type: 'json' };
import captureEn from '../../resources/locales/en/capture.json' with { type: 'json' };
import searchEn from '../../resources/locales/en/search.json' with { type: 'json' };
import type { APIRequestContext, Page } from '@playwright/test';
import { openDemo } from './openDemo';
import { expect, test } from './serverFixture';

const s = searchEn.search;


/** Calls the browser-mode API as the page does: POST /api/<command> with the run's token. */
async function call<T>(request: APIRequestContext, serverUrl: string, command: string, input: unknown): Promise<T> {
  const url = new URL(serverUrl);
  const token = /token=([A-Za-z0-9_-]+)/.exec(url.hash)?.[1] ?? '';
  const response = await request.post(`${url.origin}/api/${encodeURIComponent(command)}`, { headers: { Authorization: `Bearer ${token}` }, data: input });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${command}: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function openSearch(page: Page) {
  await page.getByRole('link', { name: en.forumNav.search }).click();
  await expect(page.getByRole('heading', { level: 1, name: s.title })).toBeVisible();
  const box = page.getByRole('search', { name: s.landmark }).getByRole('searchbox', { name: s.label });
  await expect(box).toBeFocused();
  return box;
}

test('finds a Chinese word inside a sentence, highlighted, keeps the query in the address, and opens the note from the keyboard', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  const box = await openSearch(page);
  await expect(page.getByRole('heading', { name: s.empty.title })).toBeVisible();

  // 乡村 ("countryside") sits in the middle of a sentence: there are no spaces in Chinese.
  await box.pressSequentially('乡村');
  const notes = page.getByRole('region', { name: new RegExp(`^${s.groups.notes}`) });
  const hit = notes.getByRole('link', { name: /林雅琴代表浙江省住房和城乡建设厅致辞/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['乡村']);
  await expect(hit.locator('[lang="zh"]')).toHaveCount(1);
  await expect(page.getByRole('region', { name: new RegExp(`^${s.groups.keyMessages}`) }).locator('mark').first()).toHaveText('乡村');
  await expect(page.getByRole('region', { name: new RegExp(`^${s.groups.sessions}`) })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#/forum/${forumId}/search/${encodeURIComponent('乡村')}$`));

  // The query survives a reload; the arrows walk from the box into the results and back.
  await page.reload();
  await expect(box).toHaveValue('乡村');
  await expect(hit).toBeVisible();
  await box.focus();
  await page.keyboard.press('ArrowDown');
  const first = notes.getByRole('link').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const opened = (await first.textContent()) ?? '';
  await page.keyboard.press('Enter');
  // The result lands on its note: in the address, marked, and with the keyboard on it.
  await expect(page).toHaveURL(new RegExp(`#/forum/${forumId}/capture/[A-Za-z0-9_-]+/note/[A-Za-z0-9_-]+$`));
  const landed = page.getByRole('list', { name: captureEn.capture.stream.label }).getByRole('listitem').filter({ hasText: opened.slice(0, 12) });
  await expect(landed).toBeFocused();
  await expect(landed).toHaveAttribute('aria-current', 'true');
});

test('a note from long before the newest two hundred opens in its session, scrolled to and focused; a key message opens at its card', async ({ page, server, request }) => {
  const forumId = await openDemo(page, server.url);
  const agenda = await call<{ sessions: Array<{ id: string; title: Record<string, string> }> }>(request, server.url, 'agenda:get', { forumId });
  const session = agenda.sessions.find((x) => x.title.en?.includes('Digital Villages'));
  if (!session) throw new Error('demo session missing');
  await call(request, server.url, 'notes:create', { sessionId: session.id, lang: 'en', text: 'Xylophone workshops opened the morning.' });
  for (let i = 1; i <= 205; i++) await call(request, server.url, 'notes:create', { sessionId: session.id, lang: 'en', text: `Later note ${i}` });

  const box = await openSearch(page);
  await box.fill('xylophone');
  const notes = page.getByRole('region', { name: new RegExp(`^${s.groups.notes}`) });
  await notes.getByRole('link', { name: /Xylophone workshops/ }).click();
  const landed = page.getByRole('list', { name: captureEn.capture.stream.label }).getByRole('listitem').filter({ hasText: 'Xylophone workshops' });
  await expect(landed).toBeFocused();
  await expect(landed).toBeInViewport();
  await expect(landed).toHaveAttribute('aria-current', 'true');

  const search = await openSearch(page);
  await search.fill('carrying capacity');
  const messages = page.getByRole('region', { name: new RegExp(`^${s.groups.keyMessages}`) });
  await messages.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`#/forum/${forumId}/key-messages/[A-Za-z0-9_-]+$`));
  const card = page.locator('article[aria-current="true"]');
  await expect(card).toBeFocused();
  await expect(card).toBeInViewport();
  await expect(card.getByRole('textbox', { name: 'Text in English (source)' })).toHaveValue(/carrying capacity/i);
});

test('finds an Arabic word in a note, and takes quotes, stars and NEAR as plain text', async ({ page, server, request }) => {
  const forumId = await openDemo(page, server.url);
  const agenda = await call<{ sessions: Array<{ id: string; title: Record<string, string> }> }>(request, server.url, 'agenda:get', { forumId });
  const session = agenda.sessions.find((x) => x.title.en === 'Plenary: Leaving No One and No Place Behind – People, Skills and Finance');
  if (!session) throw new Error('demo session missing');
  await call(request, server.url, 'notes:create', {
    sessionId: session.id,
    lang: 'ar',
    text: 'أكدت ممثلة البلدية أن التنمية الريفية تحتاج إلى تمويل محلي مستدام وإلى إشراك الشباب.',
  });

  const box = await openSearch(page);
  await box.fill('الريفية');
  const notes = page.getByRole('region', { name: new RegExp(`^${s.groups.notes}`) });
  const hit = notes.getByRole('link', { name: /أكدت ممثلة البلدية/ });
  await expect(hit).toBeVisible();
  await expect(hit.locator('mark')).toHaveText(['الريفية']);
  await expect(hit.locator('[lang="ar"]')).toHaveAttribute('dir', 'rtl');
  await expect(notes.getByText('Plenary: Leaving No One and No Place Behind – People, Skills and Finance')).toBeVisible();

  // FTS syntax is searched for as typed: never an error.
  for (const query of ['"rural economy*', 'rural NEAR (towns', 'AND OR NOT ) ( " * ^']) {
    await box.fill(query);
    await expect(page.getByRole('heading', { name: s.none.title.replace('{{query}}', query) })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await box.fill('"rural');
  await expect(page.getByRole('heading', { name: s.none.title.replace('{{query}}', '"rural') })).toBeVisible();
  await box.fill('rural');
  await expect(notes.locator('mark').first()).toHaveText(/^rural$/i);
  await expect(page.getByRole('status')).toHaveText(/^Results: \d+/);
});
