import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { electronPdfPrinter, htmlDataUrl, pdfPrintOptions, pdfWindowOptions } from '../../../main/electron/electronPdfPrinter';
import { startShell } from '../../../main/electron/startShell';
import { CoreError } from '../../../main/core/errors';
import { tempDir } from '../helpers/tempCore';
import { createFakeElectron, fakeEvent, type FakeElectron } from './fakeElectron';

const html = '<!DOCTYPE html><html lang="ar" dir="rtl"><body><p>أولاً، نص عربي.</p></body></html>';
const running: FakeElectron[] = [];

afterEach(() => {
  while (running.length) running.pop()?.app.emit('will-quit', fakeEvent({}));
});

function fake() {
  const made = createFakeElectron({ userData: tempDir(), appPath: tempDir() });
  running.push(made);
  return made;
}

function decodeDataUrl(url: string): string {
  const prefix = 'data:text/html;charset=utf-8;base64,';
  expect(url.startsWith(prefix)).toBe(true);
  return Buffer.from(url.slice(prefix.length), 'base64').toString('utf8');
}

describe('electronPdfPrinter', () => {
  it('prints in a hidden, sandboxed window without scripts or Node, then destroys it', async () => {
    const { electron, record } = fake();
    const pdf = await electronPdfPrinter(electron)(html, 'a4');
    expect(new TextDecoder().decode(pdf)).toMatch(/^%PDF-/);

    expect(record.windows).toHaveLength(1);
    const [window] = record.windows;
    expect(window?.options.show).toBe(false);
    expect(window?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    });
    expect(window?.options.webPreferences?.preload).toBeUndefined();
    expect(window?.visible).toBe(false);
    expect(window?.destroyed).toBe(true);
    // The page arrives whole (UTF-8 Arabic intact) from a data: URL: no file, no server.
    expect(window?.loadedUrls).toHaveLength(1);
    expect(decodeDataUrl(window?.loadedUrls[0] ?? '')).toBe(html);
    // The window may not be navigated elsewhere by the page.
    const navigate = fakeEvent({ url: 'https://example.org/' });
    window?.webContents.emit('will-navigate', navigate);
    expect(navigate.defaultPrevented).toBe(true);
  });

  it.each([
    ['a4', 'A4'],
    ['letter', 'Letter'],
  ] as const)('prints %s paper with backgrounds, the CSS page size and no browser header', async (paper, pageSize) => {
    const { electron, record } = fake();
    await electronPdfPrinter(electron)(html, paper);
    const calls = record.windows[0]?.webContents.printCalls;
    expect(calls).toEqual([pdfPrintOptions(paper)]);
    expect(calls?.[0]).toMatchObject({ pageSize, printBackground: true, preferCSSPageSize: true, displayHeaderFooter: false, landscape: false });
  });

  it('turns a failed print into pdf_unavailable and still destroys the window', async () => {
    const { electron, record } = fake();
    const printer = electronPdfPrinter(electron);
    const attempt = printer(html, 'a4');
    const window = record.windows[0];
    if (!window) throw new Error('no window');
    // printToPDF is called after loadURL resolves, so swapping the result now still takes effect.
    window.webContents.printResult = () => Promise.reject(new Error('printing failed'));
    await expect(attempt).rejects.toMatchObject({ code: 'pdf_unavailable', message: expect.stringContaining('printing failed') });
    expect(window.destroyed).toBe(true);
  });

  it('gives up after its time limit', async () => {
    const { electron, record } = fake();
    const attempt = electronPdfPrinter(electron, 20)(html, 'letter');
    const window = record.windows[0];
    if (!window) throw new Error('no window');
    window.webContents.printResult = () => new Promise(() => undefined);
    const error: unknown = await attempt.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'pdf_unavailable', message: expect.stringContaining('timed out') });
    expect(window.destroyed).toBe(true);
  });

  it('prints a page too large for a data: URL from a temporary file, removed afterwards', async () => {
    const { electron, record } = fake();
    const large = `<!DOCTYPE html><p>${'x'.repeat(2 * 1024 * 1024)}</p>`;
    await electronPdfPrinter(electron)(large, 'a4');
    const url = record.windows[0]?.loadedUrls[0] ?? '';
    expect(url).toMatch(/^file:\/\/.*\/page\.html$/);
    expect(fs.existsSync(path.dirname(new URL(url).pathname))).toBe(false);
  });

  it('keeps its window options separate from the app window', () => {
    expect(pdfWindowOptions().webPreferences).not.toHaveProperty('preload');
    expect(decodeDataUrl(htmlDataUrl('<p>中文</p>'))).toBe('<p>中文</p>');
  });

  it('is the PDF printer the desktop shell hands the core', async () => {
    const { electron, record } = fake();
    const appRoot = tempDir();
    fs.mkdirSync(path.join(appRoot, 'dist', 'renderer'), { recursive: true });
    fs.writeFileSync(path.join(appRoot, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Plenary</title>');
    const shell = await startShell(electron, { appRoot, env: { PLENARY_DB: path.join(tempDir(), 'p.sqlite') }, platform: 'linux' });
    const printer = shell?.ctx.pdfPrinter;
    if (!printer) throw new Error('the shell gave the core no PDF printer');
    await printer(html, 'a4');
    // The app window plus one print window, gone again.
    expect(record.windows).toHaveLength(2);
    expect(record.windows[1]?.destroyed).toBe(true);
    expect(record.windows[1]?.webContents.printCalls).toHaveLength(1);
  });
});
