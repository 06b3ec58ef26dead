import captureEn from '../../resources/locales/en/capture.json' with { type: 'json' };
import connectionEn from '../../resources/locales/en/connection.json' with { type: 'json' };
import type { Page } from '@playwright/test';
import { openDemoCapture } from './openCapture';
import { expect, startServer, stopServer, test, type PlenaryServer } from './serverFixture';

const c = captureEn.capture;
const conn = connectionEn.connection;
const sessionTitle = 'Digital Villages';

/** The demo forum's capture screen, on the side event about digital villages; returns the note box. */
async function openCapture(page: Page, url: string) {
  await openDemoCapture(page, url, sessionTitle);
  return page.getByRole('textbox', { name: c.composer.label, exact: true });
}

/** Kills the server as a crash or a closed terminal would, and waits until it is gone. */
async function kill(server: PlenaryServer): Promise<void> {
  const gone = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGKILL');
  await gone;
}

const saveStatus = (page: Page) => page.getByRole('status').filter({ hasText: new RegExp(`^(${c.save.saved}|${c.save.saving}|Not saved)`) });

/** Marks the page, to tell later that it was never reloaded. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { unreloaded: boolean }).unreloaded = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { unreloaded?: boolean }).unreloaded === true);

test('a server started again keeps its address and token: the open tab saves what was typed meanwhile, without a reload', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  await composer.pressSequentially('Fibre reached forty villages');
  await expect(saveStatus(page)).toHaveText(c.save.saved);
  await mark(page);
  await kill(server);
  await page.keyboard.type(' last year.');
  await expect(saveStatus(page)).toHaveText(c.save.retrying);

  const again = await startServer(server.dbPath, 'remembered');
  try {
    expect(again.url).toBe(server.url);
    await expect(saveStatus(page)).toHaveText(c.save.saved);
    await expect(page.getByRole('heading', { name: conn.refused })).toHaveCount(0);
    expect(await stillSamePage(page)).toBe(true);
    await page.reload();
    await expect(page.getByRole('list', { name: c.stream.label }).getByText('Fibre reached forty villages last year.')).toBeVisible();
  } finally {
    await stopServer(again);
  }
});

test('a tab closed while the server was down gives back its unsaved note once the server is started again', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  const capture = page.url();
  await composer.pressSequentially('Broadband first');
  await expect(saveStatus(page)).toHaveText(c.save.saved);
  await kill(server);
  await page.keyboard.type(', then training.');
  await expect(saveStatus(page)).toHaveText(c.save.retrying);
  await page.close({ runBeforeUnload: false });

  const again = await startServer(server.dbPath, 'remembered');
  try {
    // The same origin as before, so this browser's copy of the unsaved text is there to take back.
    const fresh = await page.context().newPage();
    await fresh.goto(capture);
    await expect(fresh.getByText(c.recovered.replace('{{number}}', '1'))).toBeVisible();
    await expect(fresh.getByRole('list', { name: c.stream.label }).getByText('Broadband first, then training.')).toBeVisible();
    await expect(saveStatus(fresh)).toHaveText(c.save.saved);
    await fresh.reload();
    await expect(fresh.getByRole('list', { name: c.stream.label }).getByText('Broadband first, then training.')).toBeVisible();
  } finally {
    await stopServer(again);
  }
});

test('a server started with a new token: the tab says its key is refused, and the new address opened in the same tab saves the text, without a reload', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  const capture = new URL(page.url()).hash;
  await composer.pressSequentially('Co-operatives sell online');
  await expect(saveStatus(page)).toHaveText(c.save.saved);
  await mark(page);
  await kill(server);

  const again = await startServer(server.dbPath, 'remembered', [], ['--new-token']);
  try {
    expect(again.url).not.toBe(server.url);
    expect(new URL(again.url).origin).toBe(new URL(server.url).origin);
    await page.keyboard.type(' now.');
    // Not "the server does not answer": it answers, and says no to this tab's old key.
    await expect(page.getByRole('heading', { name: conn.refused })).toBeVisible();
    await expect(saveStatus(page)).toHaveText(conn.saveRefused);

    // The person opens the address the server printed, in the same tab.
    await page.goto(again.url);
    await expect(page.getByRole('heading', { name: conn.refused })).toHaveCount(0);
    await expect(saveStatus(page)).toHaveText(c.save.saved);
    expect(await stillSamePage(page)).toBe(true);
    // The screen stays where it was; the token is not left in the address bar.
    expect(new URL(page.url()).hash).toBe(capture);
    await expect(page.getByRole('heading', { level: 1, name: c.title })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('list', { name: c.stream.label }).getByText('Co-operatives sell online now.')).toBeVisible();
  } finally {
    await stopServer(again);
  }
});

test('the new address can be pasted into the notice itself; one without its key is explained', async ({ page, server }) => {
  const composer = await openCapture(page, server.url);
  await composer.pressSequentially('Water first');
  await expect(saveStatus(page)).toHaveText(c.save.saved);
  await mark(page);
  await kill(server);
  const again = await startServer(server.dbPath, 'remembered', [], ['--new-token']);
  try {
    await page.keyboard.type(', then roads.');
    await expect(page.getByRole('heading', { name: conn.refused })).toBeVisible();
    const address = page.getByRole('textbox', { name: conn.addressLabel });
    await address.fill(again.url.split('#')[0] ?? '');
    await page.getByRole('button', { name: conn.use }).click();
    await expect(page.getByText(conn.noToken)).toBeVisible();
    await expect(address).toHaveAccessibleDescription(conn.noToken);

    await address.fill(again.url);
    await page.getByRole('button', { name: conn.use }).click();
    await expect(page.getByRole('heading', { name: conn.refused })).toHaveCount(0);
    await expect(saveStatus(page)).toHaveText(c.save.saved);
    expect(await stillSamePage(page)).toBe(true);
    await page.reload();
    await expect(page.getByRole('list', { name: c.stream.label }).getByText('Water first, then roads.')).toBeVisible();
  } finally {
    await stopServer(again);
  }
});
