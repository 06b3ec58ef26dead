import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PaperSize } from '../../../shared/exports';
import type { PdfPrinter } from '../coreContext';
import { CoreError } from '../errors';

export type { PdfPrinter };

/** Installed browser names we can print with, in order of preference, looked up on PATH. */
const browserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome', 'msedge', 'microsoft-edge'];
/** Where browsers live when they are not on PATH (macOS apps, Windows installs, snaps). */
const knownLocations = [
  '/usr/bin/chromium',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
];

// A printer that hangs (a locked profile, a crashed GPU process) must not hold an export forever.
const defaultTimeoutMs = 60_000;

/** Flags for a one-shot, offline, headless print: nothing phones home, no header or footer added. */
export const chromiumPrintArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--no-pdf-header-footer',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: PLENARY_CHROMIUM if set (and only it), else the first one found. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.PLENARY_CHROMIUM;
  if (chosen) return isExecutable(chosen) ? chosen : undefined;
  const pathDirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of browserNames) {
    for (const dir of pathDirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return knownLocations.find(isExecutable);
}

export interface ChromiumPrinterOptions {
  /** The browser binary; found with findChromium(env) when omitted. */
  executable?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * Prints through a headless Chromium, or undefined when none is installed (the caller then
 * throws `pdf_unavailable`). The page size comes from the HTML's own @page rule, which the
 * HTML writers set from `paper`, so the argument is not needed on the command line.
 */
export function chromiumPdfPrinter(options: ChromiumPrinterOptions = {}): PdfPrinter | undefined {
  const executable = options.executable ?? findChromium(options.env);
  if (executable === undefined || !isExecutable(executable)) return undefined;
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  return (html: string, paper: PaperSize) => printWithChromium(executable, html, paper, timeoutMs);
}

/** `ctx.pdfPrinter ?? chromiumPdfPrinter()`, or a clear `pdf_unavailable` when there is neither. */
export function requirePdfPrinter(printer: PdfPrinter | undefined, env: NodeJS.ProcessEnv = process.env): PdfPrinter {
  const found = printer ?? chromiumPdfPrinter({ env });
  if (found) return found;
  throw new CoreError(
    'pdf_unavailable',
    'No PDF printer: install Chromium (or Google Chrome), or set PLENARY_CHROMIUM to its path; HTML export works without it.',
  );
}

async function printWithChromium(executable: string, html: string, paper: PaperSize, timeoutMs: number): Promise<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'plenary-pdf-'));
  try {
    const htmlPath = join(folder, 'page.html');
    const pdfPath = join(folder, 'page.pdf');
    await writeFile(htmlPath, html, 'utf8');
    // Its own profile folder: a Chromium the user has open must not take the job over or lock us out.
    const args = [...chromiumPrintArgs, `--user-data-dir=${join(folder, 'profile')}`, `--print-to-pdf=${pdfPath}`, pathToFileURL(htmlPath).href];
    await run(executable, args, timeoutMs, paper);
    const bytes = await readFile(pdfPath).catch(() => {
      throw new CoreError('pdf_unavailable', `Chromium (${executable}) ran but wrote no PDF.`);
    });
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new CoreError('pdf_unavailable', `Chromium (${executable}) wrote something that is not a PDF.`);
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await rm(folder, { recursive: true, force: true, maxRetries: 3 });
  }
}

function run(executable: string, args: string[], timeoutMs: number, paper: PaperSize): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends Chromium's helper processes too, not just the browser.
    const posix = process.platform !== 'win32';
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: posix });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(child, posix);
    }, timeoutMs);
    const fail = (reason: string) => {
      const detail = stderr.trim().split('\n').slice(-3).join(' ');
      reject(new CoreError('pdf_unavailable', `Chromium (${executable}) ${reason} printing a ${paper} PDF${detail ? `: ${detail}` : ''}`));
    };
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(`could not start (${error.message})`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) fail(`timed out after ${timeoutMs} ms`);
      else if (code === 0) resolve();
      else fail(`failed (${code ?? signal ?? 'unknown'})`);
    });
  });
}

function killTree(child: ChildProcess, posix: boolean): void {
  try {
    if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    else child.kill('SIGKILL');
  } catch {
    // Already gone.
  }
}
