import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PaperSize } from '../../../shared/exports';
import { CoreError } from '../../../main/core/errors';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import { chromiumPdfPrinter, findChromium, requirePdfPrinter } from '../../../main/core/exports/pdfPrinter';
import { chromium, notoFonts, poppler, skipWithout } from '../../programs';
import { snapshot, tempDir } from '../helpers/tempCore';
import { demoOutcome } from './outcomeExportFixture';

const noAnnexes = { participation: false, provenance: false };

function pdfInfo(file: string): { pages: number; size: string } {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: /^Page size:\s+(.+)$/m.exec(info)?.[1] ?? '' };
}

/** Dark pixels per page, from pdftoppm's greyscale PGM output (P5: a short header, then one byte a pixel). */
function inkPerPage(file: string, folder: string): number[] {
  execFileSync('pdftoppm', ['-gray', '-r', '30', file, path.join(folder, 'page')]);
  const pages = fs
    .readdirSync(folder)
    .filter((name) => name.startsWith('page') && name.endsWith('.pgm'))
    .sort();
  return pages.map((name) => {
    const bytes = fs.readFileSync(path.join(folder, name));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
    if (!header) throw new Error(`${name} is not an 8-bit PGM`);
    const pixels = bytes.subarray(header[0].length);
    expect(pixels.length).toBe(Number(header[1]) * Number(header[2]));
    return pixels.reduce((dark, value) => (value < 160 ? dark + 1 : dark), 0);
  });
}

/** A killed process whose parent is gone may stay a zombie until init reaps it: that counts as ended. */
function isRunning(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

async function printDemo(languages: string[], paper: PaperSize, arabic: boolean) {
  const { ctx, documentId } = await demoOutcome({ arabic });
  const model = buildOutcomeModel(ctx.db, { documentId, languages, variant: 'clean', annexes: noAnnexes, fallback: false });
  const printer = chromiumPdfPrinter();
  if (!printer) throw new Error('no Chromium');
  const before = snapshot(ctx);
  const pdf = await printer(outcomeHtml(model, paper), paper);
  expect(snapshot(ctx)).toBe(before);
  const folder = tempDir();
  const file = path.join(folder, 'outcome.pdf');
  fs.writeFileSync(file, pdf);
  return { pdf, file, folder, text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }) };
}

// CI installs Chromium and poppler-utils; a machine without them cannot print, so these skip there, saying so.
describe('PDF through headless Chromium', () => {
  beforeEach((context) => skipWithout(context, chromium, poppler, notoFonts));

  it('prints the English Consensus on two A4 pages, every page inked and numbered', async () => {
    const { pdf, file, folder, text } = await printDemo(['en'], 'a4', false);
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
    const info = pdfInfo(file);
    expect(info.size).toMatch(/^594\.\d+ x 841\.\d+ pts \(A4\)$/);
    expect(info.pages).toBe(2);
    const ink = inkPerPage(file, folder);
    expect(ink).toHaveLength(2);
    for (const dark of ink) expect(dark).toBeGreaterThan(2000);
    expect(text).toContain('Songyang Consensus 2026');
    expect(text).toMatch(/First, the countryside/);
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    // No browser header or footer (date, file URL) around the document's own.
    expect(text).not.toMatch(/file:\/\/|page\.html/);
  }, 60_000);

  it('prints Arabic and Chinese side by side on Letter paper', async () => {
    const { file, folder, text } = await printDemo(['ar', 'zh'], 'letter', true);
    const info = pdfInfo(file);
    expect(info.size).toBe('612 x 792 pts (letter)');
    // Three pages of text, and the secretariats' contacts after the closing on a fourth.
    expect(info.pages).toBe(4);
    // The last page holds only the contacts' few small lines: inked, less than a page of text.
    for (const dark of inkPerPage(file, folder)) expect(dark).toBeGreaterThan(1000);
    expect(text).toContain('2026年松阳城乡联系共识');
    expect(text).toContain('第一，');
    // Arabic glyphs come out of the PDF (shaped, so compare letters, not whole words).
    expect(text).toMatch(/[\u0600-\u06FF\uFE70-\uFEFF]{3}/);
  }, 60_000);
});

describe('finding a printer', () => {
  const script = (body: string) => {
    const file = path.join(tempDir(), 'fake-chromium');
    fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
    return file;
  };

  it('prefers the printer the host gave the core, else says clearly that there is none', () => {
    const own = () => Promise.resolve(new Uint8Array());
    expect(requirePdfPrinter(own, { PLENARY_CHROMIUM: '/nonexistent/chromium', PATH: '' })).toBe(own);
    expect(findChromium({ PLENARY_CHROMIUM: '/nonexistent/chromium', PATH: '/usr/bin' })).toBeUndefined();
    expect(chromiumPdfPrinter({ env: { PLENARY_CHROMIUM: '/nonexistent/chromium' } })).toBeUndefined();
    let error: unknown;
    try {
      requirePdfPrinter(undefined, { PLENARY_CHROMIUM: '/nonexistent/chromium', PATH: '' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect(error).toMatchObject({ code: 'pdf_unavailable', message: expect.stringContaining('PLENARY_CHROMIUM') });
  });

  it('finds a browser on PATH, and honours PLENARY_CHROMIUM', () => {
    const fake = script('exit 0');
    const folder = path.dirname(fake);
    fs.renameSync(fake, path.join(folder, 'chromium-browser'));
    expect(findChromium({ PATH: `/nonexistent:${folder}` })).toBe(path.join(folder, 'chromium-browser'));
    const chosen = script('exit 0');
    expect(findChromium({ PLENARY_CHROMIUM: chosen, PATH: folder })).toBe(chosen);
  });

  it.skipIf(process.platform === 'win32')('passes the headless print flags and removes its temporary folder', async () => {
    const record = path.join(tempDir(), 'args.txt');
    // A stand-in browser: writes its arguments down, then a minimal "PDF" where it was asked to.
    const fake = script(`for a in "$@"; do echo "$a" >> '${record}'; case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "\${a#--print-to-pdf=}";; esac; done`);
    const pdf = await chromiumPdfPrinter({ executable: fake })?.('<!DOCTYPE html><p>x</p>', 'a4');
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4 fake');
    const args = fs.readFileSync(record, 'utf8').trim().split('\n');
    expect(args).toEqual(
      expect.arrayContaining([
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-pdf-header-footer',
      ]),
    );
    const profile = args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
    const page = args.at(-1) ?? '';
    expect(page).toMatch(/^file:\/\/.*\/page\.html$/);
    expect(path.dirname(profile)).toBe(path.dirname(new URL(page).pathname));
    expect(fs.existsSync(path.dirname(profile))).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('reports a browser that fails, writes no PDF, or hangs, and cleans up each time', async () => {
    const record = path.join(tempDir(), 'args.txt');
    const failing = script(`for a in "$@"; do echo "$a" >> '${record}'; done; echo "GPU process exploded" >&2; exit 3`);
    await expect(chromiumPdfPrinter({ executable: failing })?.('<p>x</p>', 'a4')).rejects.toMatchObject({
      code: 'pdf_unavailable',
      message: expect.stringMatching(/failed \(3\).*GPU process exploded/),
    });
    const page = fs.readFileSync(record, 'utf8').trim().split('\n').at(-1) ?? '';
    expect(fs.existsSync(path.dirname(new URL(page).pathname))).toBe(false);
    const silent = script('exit 0');
    await expect(chromiumPdfPrinter({ executable: silent })?.('<p>x</p>', 'a4')).rejects.toMatchObject({ code: 'pdf_unavailable', message: expect.stringContaining('wrote no PDF') });
    const wrong = script(`for a in "$@"; do case "$a" in --print-to-pdf=*) echo nope > "\${a#--print-to-pdf=}";; esac; done`);
    await expect(chromiumPdfPrinter({ executable: wrong })?.('<p>x</p>', 'a4')).rejects.toMatchObject({ message: expect.stringContaining('not a PDF') });
    const pidFile = path.join(tempDir(), 'sleep.pid');
    // The stand-in leaves a helper process behind, as Chromium does: the timeout must end it too.
    const hanging = script(`sleep 30 & echo $! > '${pidFile}'; wait`);
    await expect(chromiumPdfPrinter({ executable: hanging, timeoutMs: 300 })?.('<p>x</p>', 'letter')).rejects.toMatchObject({
      code: 'pdf_unavailable',
      message: expect.stringContaining('timed out after 300 ms'),
    });
    const helper = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isRunning(helper)).toBe(false);
  });
});
