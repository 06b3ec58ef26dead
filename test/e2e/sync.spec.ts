import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import en from '../../resources/locales/en/app.json' with { type: 'json' };
import enSession from '../../resources/locales/en/bundleSession.json' with { type: 'json' };
import { expect, startServer, stopServer, test } from './serverFixture';
import { figure } from './figures';

test('a forum travels to another laptop as a bundle file, trusted by fingerprint', async ({ page, server, browser }) => {
  // Laptop A: the demo forum, saved as a bundle.
  await page.goto(server.url);
  await page.getByRole('button', { name: en.home.tryDemo }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Forum on Urban-Rural Linkages' })).toBeVisible();
  const exchange = page.getByRole('region', { name: en.sync.title });
  await exchange.getByRole('textbox', { name: en.sync.laptopName }).fill('Rapporteur A, hall 1');
  await exchange.getByRole('button', { name: en.sync.rename }).click();
  await expect(exchange.getByRole('status').filter({ hasText: en.sync.renamed })).toHaveText(en.sync.renamed);
  const fingerprintA = await exchange.getByText(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/).textContent();
  const downloading = page.waitForEvent('download');
  await exchange.getByRole('button', { name: en.sync.exportButton }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Forum-on-Urban-Rural-Linkages-Rapporteur-A-hall-1-\d{12}\.plenary$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-e2e-sync-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);

  // Laptop B: a second server with its own database receives the file.
  const other = await startServer(path.join(dir, 'b.sqlite'));
  try {
    const pageB = await browser.newPage();
    await pageB.goto(other.url);
    const importer = pageB.getByRole('region', { name: en.sync.title });
    await importer.getByLabel(en.sync.chooseFiles).setInputFiles(file);
    await expect(importer.getByText('A forum not on this laptop yet: importing adds “\u2068Forum on Urban-Rural Linkages\u2069”.')).toBeVisible();
    await expect(importer.getByText(fingerprintA ?? 'missing', { exact: true })).toBeVisible();
    const preview = importer.getByRole('table', { name: en.sync.previewCaption });
    await expect(preview.getByRole('row', { name: /Participants/ })).toContainText('200');
    const importButton = importer.getByRole('button', { name: en.sync.importButton });
    await expect(importButton).toBeDisabled();
    await importer.getByRole('checkbox', { name: en.sync.trustLabel.replace('{{fingerprint}}', fingerprintA ?? '') }).check();
    await importButton.click();
    await expect(importer.getByRole('status').filter({ hasText: 'Done. Imported: 1 · Not imported: 0.' })).toBeVisible();
    await pageB.getByRole('link', { name: 'Open Forum on Urban-Rural Linkages' }).click();
    await expect(figure(pageB, en.figures.participants)).toHaveText('200');

    // The same file again: nothing new, and the signer is now known.
    const again = pageB.getByRole('region', { name: en.sync.title });
    await again.getByLabel(en.sync.chooseFiles).setInputFiles(file);
    await expect(again.getByText(enSession.bundleSession.nothingNew)).toBeVisible();
    await expect(again.getByText(en.sync.device.trusted)).toBeVisible();

    // A file that is not a bundle, added to them, is refused with an explanation.
    const junk = path.join(dir, 'minutes.plenary');
    fs.writeFileSync(junk, 'Minutes of the closing plenary.');
    await again.getByLabel(en.sync.chooseFiles).setInputFiles(junk);
    const refused = again.getByRole('region', { name: enSession.bundleSession.refusedTitle });
    const junkLine = refused.getByRole('listitem');
    await expect(junkLine).toHaveCount(1);
    await expect(junkLine).toContainText('minutes.plenary');
    await expect(junkLine).toContainText(enSession.bundleSession.reason.bundle_rejected);
    await expect(again.getByText(en.sync.device.trusted)).toBeVisible();
  } finally {
    await stopServer(other);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
