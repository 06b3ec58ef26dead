import type { Locator, Page } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enSession from '../../resources/locales/en/bundleSession.json' with { type: 'json' };
import searchEn from '../../resources/locales/en/search.json' with { type: 'json' };
import { figure } from './figures';
import { call, sendForum, startLaptop } from './laptops';
import { lookAt, screenSizes } from './lookAt';
import { openDemo } from './openDemo';
import { expect, stopServer, test, type PlenaryServer } from './serverFixture';

const s = en.sync;
const b = enSession.bundleSession;
/** An English message with its {{placeholders}} filled, as the UI shows it. */
const fill = (message: string, values: Record<string, string>) => message.replace(/{{\s*(\w+)\s*}}/g, (_, key: string) => values[key] ?? '');
/** A name as the UI puts it into a sentence: isolated, so it keeps its own direction. */
const isolated = (name: string) => `\u2068${name}\u2069`;
/** The import's own sizes, and a tablet held upright. */
const sizes = [...screenSizes, { width: 800, height: 1280 }];

let dir: string;
const laptops: PlenaryServer[] = [];
test.beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-session-'));
});
test.afterEach(async () => {
  await Promise.all(laptops.splice(0).map(stopServer));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A rapporteur's laptop holding the forum, with its fingerprint and a session to take notes in. */
async function rapporteur(server: PlenaryServer, forumId: string, name: string) {
  const laptop = await startLaptop(dir, name);
  laptops.push(laptop);
  await sendForum(server, laptop, forumId);
  const { fingerprint } = await call(laptop, 'device:get', {});
  const agenda = await call(laptop, 'agenda:get', { forumId });
  const sessionId = agenda.sessions[0]?.id;
  if (!sessionId) throw new Error('the demo has no session');
  const note = (text: string) => call(laptop, 'notes:create', { sessionId, lang: 'en', text });
  /** Saves what the laptop has of the forum under `fileName`, as onto a USB stick. */
  const save = async (fileName: string) => {
    const bundle = await call(laptop, 'bundle:export', { forumId });
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, Buffer.from(bundle.data, 'base64'));
    return file;
  };
  return { laptop, fingerprint, sessionId, note, save };
}

/** The fingerprint is one unbroken piece, on the laptop's name's line. */
async function expectOneLine(card: Locator, fingerprint: string) {
  const code = card.getByText(fingerprint, { exact: true });
  const boxes = await code.evaluate((element) => {
    const name = element.parentElement?.querySelector('bdi')?.getBoundingClientRect();
    return { pieces: element.getClientRects().length, top: element.getBoundingClientRect().top, nameBottom: name?.bottom ?? 0 };
  });
  expect(boxes.pieces, `${fingerprint} wrapped`).toBe(1);
  expect(boxes.top, `${fingerprint} on its own line`).toBeLessThan(boxes.nameBottom);
}

async function noOverflow(page: Page, label: string) {
  for (const size of sizes) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${label} at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}

test('a USB stick of bundles from two laptops, one damaged and one twice, is previewed per laptop, imported with one progress bar, and the notes arrive', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  const notesBefore = Number(await figure(page, en.figures.notes).textContent());

  // Rapporteur A saves a bundle in the morning and another in the evening; B saves one.
  const a = await rapporteur(server, forumId, 'Rapporteur A, hall 1');
  const water = await a.note('Village water committees keep the springs clean');
  await call(a.laptop, 'keyMessages:promote', { sessionId: a.sessionId, noteIds: [water.id] });
  const morning = await a.save('rapporteur-a-morning.plenary');
  await a.note('Cooperatives sell tea directly to city markets');
  const evening = await a.save('rapporteur-a-evening.plenary');
  const bLaptop = await rapporteur(server, forumId, 'Rapporteur B, hall 2');
  await bLaptop.note('Bus routes link the market towns twice a day');
  const fromB = await bLaptop.save('rapporteur-b.plenary');
  // A file cut short on the way, and B's bundle copied twice onto the stick.
  const damaged = path.join(dir, 'damaged.plenary');
  const whole = fs.readFileSync(evening);
  fs.writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
  const copy = path.join(dir, 'rapporteur-b (copy).plenary');
  fs.copyFileSync(fromB, copy);

  const exchange = page.getByRole('region', { name: s.title });
  // Checking takes seconds for a whole forum in one file: a bar follows it. The preview is held
  // on its way, and the core's answer about its progress is set here (the second bundle, half read).
  let releasePreview = () => {};
  const previewHeld = new Promise<void>((resolve) => (releasePreview = resolve));
  await page.route('**/api/bundles%3Apreview', async (route) => {
    await previewHeld;
    await route.continue();
  });
  await page.route('**/api/bundle%3Aprogress', (route) =>
    route.fulfill({ json: { ok: true, value: { phase: 'verify', done: 5, total: 10, bundle: 2, bundles: 4, share: 0.3 } } }),
  );
  await exchange.getByLabel(s.chooseFiles).setInputFiles([morning, evening, fromB, damaged]);
  await expect(exchange.getByRole('status').filter({ hasText: fill(b.checking, { files: '4' }) })).toBeVisible();
  await expect(exchange.getByRole('progressbar', { name: b.checkingProgress })).toHaveAttribute('value', '0.3');
  await lookAt(page, 'sync', 'session-checking', page.locator('.bundle-import'), sizes);
  releasePreview();
  await expect(exchange.getByText(fill(b.counts, { bundles: '4', laptops: '2', refused: '1' }))).toBeVisible();
  await expect(exchange.getByRole('progressbar', { name: b.checkingProgress })).toHaveCount(0);
  await page.unroute('**/api/bundle%3Aprogress');
  await page.unroute('**/api/bundles%3Apreview');
  // The copy is dropped on the import afterwards: it joins the same session.
  const dropped = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(data), (c) => c.charCodeAt(0))], name));
      return transfer;
    },
    { name: path.basename(copy), data: fs.readFileSync(copy).toString('base64') },
  );
  await page.locator('.bundle-import').dispatchEvent('drop', { dataTransfer: dropped });

  // One preview: two laptops, each with its bundles summed; the damaged file and the copy left out.
  await expect(exchange.getByText(fill(b.counts, { bundles: '4', laptops: '2', refused: '2' }))).toBeVisible();
  const groups = exchange.getByRole('list', { name: b.laptopsLabel }).getByRole('article');
  await expect(groups).toHaveCount(2);
  const cardA = exchange.getByRole('article', { name: 'Rapporteur A, hall 1' });
  const cardB = exchange.getByRole('article', { name: 'Rapporteur B, hall 2' });
  await expect(cardA.getByText(fill(b.bundleCount, { bundles: '2' }))).toBeVisible();
  await expect(cardB.getByText(fill(b.bundleCount, { bundles: '1' }))).toBeVisible();
  const rowsA = cardA.getByRole('table', { name: s.previewCaption }).getByRole('row');
  // Rows are named "kind, new, changed": two new notes, one new key message (others of its session move).
  await expect(rowsA.filter({ hasText: en.syncTables.notes })).toHaveText(`${en.syncTables.notes}20`);
  await expect(cardA.getByRole('row', { name: new RegExp(`^${en.syncTables.key_messages} 1 \\d+$`) })).toBeVisible();
  // Notes and key messages lead the table.
  await expect(rowsA.nth(1)).toContainText(en.syncTables.notes);
  await expect(cardB.getByRole('table', { name: s.previewCaption }).getByRole('row').filter({ hasText: en.syncTables.notes })).toHaveText(`${en.syncTables.notes}10`);
  await expect(cardA.getByText(/^Changes: new [1-9][\d,]*, already on this laptop [\d,]+\.$/)).toBeVisible();
  await expectOneLine(cardA, a.fingerprint);
  await expectOneLine(cardB, bLaptop.fingerprint);
  const refused = exchange.getByRole('region', { name: b.refusedTitle }).getByRole('listitem');
  await expect(refused).toHaveCount(2);
  await expect(refused.nth(0)).toContainText('damaged.plenary');
  await expect(refused.nth(0)).toContainText(b.reason.bundle_rejected);
  await expect(refused.nth(1)).toContainText(fill(b.reason.duplicate, { name: isolated('rapporteur-b.plenary') }));

  // Nothing goes in until a laptop is trusted; each is trusted by its own fingerprint.
  const importButton = exchange.getByRole('button', { name: s.importButton });
  await expect(importButton).toBeDisabled();
  await expect(exchange.getByText(b.noneGoingIn)).toBeVisible();
  await cardA.getByRole('checkbox', { name: fill(s.trustLabel, { fingerprint: a.fingerprint }) }).check();
  await expect(exchange.getByText(fill(b.goingIn, { ready: '2', total: '4' }))).toBeVisible();
  await cardB.getByRole('checkbox', { name: fill(s.trustLabel, { fingerprint: bLaptop.fingerprint }) }).check();
  await expect(exchange.getByText(fill(b.goingIn, { ready: '3', total: '4' }))).toBeVisible();
  await lookAt(page, 'sync', 'session-preview', page.locator('.bundle-import'), sizes);
  for (const [card, fingerprint] of [[cardA, a.fingerprint], [cardB, bLaptop.fingerprint]] as const) {
    for (const size of sizes) {
      await page.setViewportSize(size);
      await expectOneLine(card, fingerprint);
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });

  // The import is held on its way to the core, so the running session can be looked at and left.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/bundles%3Aimport', async (route) => {
    await held;
    await route.continue();
  });
  await importButton.click();
  const bar = exchange.getByRole('progressbar', { name: s.progressLabel });
  await expect(bar).toHaveAttribute('aria-valuetext', fill(b.progressValue, { bundle: '1', bundles: '4' }));
  await expect(exchange.getByRole('button', { name: s.importing })).toBeDisabled();
  await lookAt(page, 'sync', 'session-progress', page.locator('.session-actions'), sizes);

  // The rest of the app stays usable: another screen works, and coming back the import is still there.
  await page.getByRole('link', { name: en.forumNav.participants }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('Mwangi');
  await expect(page.getByRole('table', { name: 'Participant list' }).getByRole('row').filter({ hasText: 'Grace Wanjiru Mwangi' })).toHaveCount(1);
  await page.getByRole('link', { name: en.forumNav.overview }).click();
  await expect(bar).toHaveAttribute('aria-valuetext', fill(b.progressValue, { bundle: '1', bundles: '4' }));

  // The bar moves within a bundle as far as the core says the whole has come (a laptop's whole
  // forum arrives as one long bundle): here, the second of four bundles half written.
  await page.route('**/api/bundle%3Aprogress', (route) =>
    route.fulfill({ json: { ok: true, value: { phase: 'apply', done: 10, total: 20, bundle: 2, bundles: 4, share: 0.375 } } }),
  );
  await expect(bar).toHaveAttribute('value', '1.5');
  await expect(bar).toHaveAttribute('aria-valuetext', fill(b.progressValue, { bundle: '2', bundles: '4' }));
  await page.unroute('**/api/bundle%3Aprogress');

  release();
  await expect(exchange.getByRole('status').filter({ hasText: fill(b.done, { imported: '3', refused: '2' }) })).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuetext', fill(b.progressValue, { bundle: '4', bundles: '4' }));
  await expect(bar).toHaveAttribute('value', '4');
  const results = exchange.getByRole('list', { name: b.resultsLabel }).getByRole('listitem');
  await expect(results).toHaveCount(5);
  await expect(results.nth(0)).toContainText(/^rapporteur-a-morning\.plenaryImported from \u2068Rapporteur A, hall 1\u2069\. New changes: [1-9]\d*\.$/);
  await expect(results.nth(1)).toContainText(/^rapporteur-a-evening\.plenaryImported from \u2068Rapporteur A, hall 1\u2069\. New changes: [1-9]\d*\.$/);
  await expect(results.nth(2)).toContainText(/^rapporteur-b\.plenaryImported from \u2068Rapporteur B, hall 2\u2069\. New changes: [1-9]\d*\.$/);
  await expect(results.nth(3)).toContainText(b.reason.bundle_rejected);
  await expect(results.nth(4)).toContainText(fill(b.reason.duplicate, { name: isolated('rapporteur-b.plenary') }));
  await lookAt(page, 'sync', 'session-results', page.locator('.bundle-import'), sizes);

  // The screen read the forum again: three more notes, and they are found where people look.
  await expect(figure(page, en.figures.notes)).toHaveText(String(notesBefore + 3));
  await page.getByRole('link', { name: en.forumNav.search }).click();
  const box = page.getByRole('search', { name: searchEn.search.landmark }).getByRole('searchbox', { name: searchEn.search.label });
  await box.fill('market');
  const notes = page.getByRole('region', { name: new RegExp(`^${searchEn.search.groups.notes}`) });
  await expect(notes.getByRole('link', { name: /Cooperatives sell tea directly to city markets/ })).toBeVisible();
  await expect(notes.getByRole('link', { name: /Bus routes link the market towns twice a day/ })).toBeVisible();
});

test('a laptop left untrusted is listed as not trusted, and the others go in', async ({ page, server }) => {
  const forumId = await openDemo(page, server.url);
  const a = await rapporteur(server, forumId, 'Rapporteur A, hall 1');
  await a.note('Village water committees keep the springs clean');
  const fromA = await a.save('rapporteur-a.plenary');
  const c = await rapporteur(server, forumId, 'Unknown laptop');
  await c.note('A note nobody vouched for');
  const fromC = await c.save('unknown.plenary');

  const exchange = page.getByRole('region', { name: s.title });
  await exchange.getByLabel(s.chooseFiles).setInputFiles([fromA, fromC]);
  await exchange.getByRole('article', { name: 'Rapporteur A, hall 1' }).getByRole('checkbox', { name: fill(s.trustLabel, { fingerprint: a.fingerprint }) }).check();
  await exchange.getByRole('button', { name: s.importButton }).click();
  await expect(exchange.getByRole('status').filter({ hasText: fill(b.done, { imported: '1', refused: '1' }) })).toBeVisible();
  const results = exchange.getByRole('list', { name: b.resultsLabel }).getByRole('listitem');
  await expect(results.nth(1)).toContainText(`unknown.plenary${b.reason.untrusted}`);
  await noOverflow(page, 'results with an untrusted laptop');
});
