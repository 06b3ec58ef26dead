import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PaperSize } from '../../shared/exports';
import type { PdfPrinter } from '../core/coreContext';
import { CoreError } from '../core/errors';
import type { BrowserWindowConstructorOptions, ElectronModule, PrintToPdfOptions } from './electronModule';
import { hardenWindow } from './hardenWindow';
import { lockedDown } from './windowOptions';

/**
 * The export's HTML carries no scripts and fetches nothing (its CSP says so too); the window that
 * prints it is still treated as hostile: never shown, sandboxed, no Node, no preload, no scripts.
 */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  return {
    width: 900,
    height: 1200,
    show: false,
    webPreferences: { ...lockedDown, javascript: false, spellcheck: false },
  };
}

/** Paper size and background as the page's own print stylesheet asks (its @page rule wins). */
export function pdfPrintOptions(paper: PaperSize): PrintToPdfOptions {
  return {
    pageSize: paper === 'letter' ? 'Letter' : 'A4',
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: false,
    landscape: false,
    generateTaggedPDF: true,
    generateDocumentOutline: true,
  };
}

// Chromium caps URLs at 2 MiB: a page larger than that is printed from a temporary file instead.
const maxDataUrlLength = 2 * 1024 * 1024 - 1024;
const defaultTimeoutMs = 60_000;

export function htmlDataUrl(html: string): string {
  return `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
}

/** The desktop app's PdfPrinter: Electron's own Chromium prints, so nothing else need be installed. */
export function electronPdfPrinter(electron: Pick<ElectronModule, 'BrowserWindow'>, timeoutMs = defaultTimeoutMs): PdfPrinter {
  return async (html: string, paper: PaperSize) => {
    let url = htmlDataUrl(html);
    let folder: string | undefined;
    if (url.length > maxDataUrlLength) {
      folder = await mkdtemp(join(tmpdir(), 'plenary-pdf-'));
      const file = join(folder, 'page.html');
      await writeFile(file, html, 'utf8');
      url = pathToFileURL(file).href;
    }
    const window = new electron.BrowserWindow(pdfWindowOptions());
    hardenWindow(window.webContents);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CoreError('pdf_unavailable', `Printing the PDF timed out after ${timeoutMs} ms.`)), timeoutMs);
    });
    try {
      const bytes = await Promise.race([
        window.loadURL(url).then(() => window.webContents.printToPDF(pdfPrintOptions(paper))),
        timeout,
      ]);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError('pdf_unavailable', `Printing the PDF failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      clearTimeout(timer);
      if (!window.isDestroyed()) window.destroy();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  };
}
