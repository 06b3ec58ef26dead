import { execFileSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import os from 'node:os';
import { delimiter, join } from 'node:path';
import { findChromium } from '../main/core/exports/pdfPrinter';

/**
 * The programs outside node_modules that some tests drive, found the way the tests call them
 * (on PATH, or Chromium as the app finds it), each with how to install it. Tests that need one
 * skip with that sentence where it is missing; CI installs all of them (.ci/run) and refuses to
 * skip (see `reportMissing`).
 */
export interface Program {
  /** What the tests need, as a person would name it. */
  name: string;
  /** Where it was found, or undefined. */
  path: string | undefined;
  /** How to get it on Debian. */
  install: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH, as execFile would find it. */
export function onPath(names: string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  for (const name of names) {
    for (const dir of dirs) {
      if (isExecutable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/** Every one of `names` on PATH (a package's set of tools), or undefined when one is missing. */
function allOnPath(names: string[]): string | undefined {
  const found = names.map((name) => onPath([name]));
  return found.every((file) => file !== undefined) ? found.join(', ') : undefined;
}

/** Font file names in the usual folders, for a machine without fontconfig's tools. */
function fontFile(prefix: string): boolean {
  const roots = ['/usr/share/fonts', '/usr/local/share/fonts', join(os.homedir(), '.local/share/fonts'), join(os.homedir(), '.fonts')];
  const walk = (dir: string, depth: number): boolean => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((entry) => (entry.isDirectory() ? depth < 4 && walk(join(dir, entry.name), depth + 1) : entry.name.startsWith(prefix)));
  };
  return roots.some((root) => walk(root, 0));
}

/**
 * The Noto families the print stylesheet names (main/core/exports/htmlPage.ts) for Latin, Arabic
 * and Chinese, as fontconfig (which Chromium and LibreOffice use) sees them. Page counts and the
 * text that comes back out of a PDF depend on them.
 */
function notoFontsFound(): string | undefined {
  const families: Array<[family: string, filePrefix: string]> = [
    ['Noto Serif', 'NotoSerif-'],
    ['Noto Naskh Arabic', 'NotoNaskhArabic'],
    ['Noto Sans CJK SC', 'NotoSansCJK'],
  ];
  const fcList = onPath(['fc-list']);
  let installed: (family: string, file: string) => boolean = (_family, file) => fontFile(file);
  if (fcList) {
    let listed = new Set<string>();
    try {
      // One line per font, its family names comma-separated.
      listed = new Set(execFileSync(fcList, [':', 'family'], { encoding: 'utf8' }).split(/[\n,]/));
    } catch {
      // A fontconfig that cannot list fonts finds none for Chromium either.
    }
    installed = (family) => listed.has(family);
  }
  return families.every(([family, file]) => installed(family, file)) ? families.map(([family]) => family).join(', ') : undefined;
}

/** Headless Chromium: PLENARY_CHROMIUM if set (and only it), else the browser the app would print with. */
export const chromium: Program = {
  name: 'Chromium',
  path: findChromium(),
  install: 'apt-get install chromium, or set PLENARY_CHROMIUM to a Chromium or Chrome binary',
};

/** poppler's tools, which turn the printed PDFs back into pages, images and text. */
export const poppler: Program = {
  name: "poppler's pdftoppm, pdfinfo and pdftotext",
  path: allOnPath(['pdftoppm', 'pdfinfo', 'pdftotext']),
  install: 'apt-get install poppler-utils',
};

/** A real word processor to open the Word exports. */
export const libreOffice: Program = {
  name: "LibreOffice's soffice",
  path: onPath(['soffice', 'libreoffice']),
  install: 'apt-get install libreoffice-writer-nogui',
};

/** The fonts the exports are laid out in: without them pages break elsewhere and Arabic and Chinese print as boxes. */
export const notoFonts: Program = {
  name: 'the Noto Serif, Noto Naskh Arabic and Noto Sans CJK SC fonts',
  path: notoFontsFound(),
  install: 'apt-get install fonts-noto-core fonts-noto-cjk',
};

/** libxml2's xmllint, which checks the translators' files against the OASIS XLIFF schemas. */
export const xmllint: Program = {
  name: "libxml2's xmllint",
  path: onPath(['xmllint']),
  install: 'apt-get install libxml2-utils',
};

/** Where Debian's php-symfony-translation keeps the OASIS XLIFF 1.2 (strict) and 2.0 schemas. */
export const xliffSchemaDir = process.env.PLENARY_XLIFF_SCHEMAS ?? '/usr/share/php/Symfony/Component/Translation/Resources/schemas';

/** The OASIS XSDs themselves (xliff-core-1.2-strict.xsd, xliff-core-2.0.xsd and the W3C xml.xsd they import). */
export const xliffSchemas: Program = {
  name: 'the OASIS XLIFF schemas',
  path: ['xliff-core-1.2-strict.xsd', 'xliff-core-2.0.xsd', 'xml.xsd'].every((file) => isReadable(join(xliffSchemaDir, file))) ? xliffSchemaDir : undefined,
  install: 'apt-get download php-symfony-translation && dpkg-deb -x php-symfony-translation_*.deb / (only its schemas are needed; or set PLENARY_XLIFF_SCHEMAS to a folder holding them)',
};

function isReadable(file: string): boolean {
  try {
    accessSync(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

export const allPrograms = [chromium, poppler, libreOffice, notoFonts, xmllint, xliffSchemas];

/** The ones of `programs` this machine lacks, each with how to install it, or undefined. */
function lacking(programs: Program[]): string | undefined {
  const absent = programs.filter((program) => program.path === undefined);
  return absent.length === 0 ? undefined : absent.map((program) => `${program.name} (${program.install})`).join('; ');
}

/** Why tests needing `programs` cannot run here ("needs X (how to install it)"), or undefined when they can. */
export function missing(...programs: Program[]): string | undefined {
  const absent = lacking(programs);
  return absent === undefined ? undefined : `needs ${absent}`;
}

/**
 * Skips the running test with the reason when a program is missing. Call it first in a test, or
 * in a beforeEach for a whole describe block; vitest's `ctx` (or anything with its `skip(note)`).
 */
export function skipWithout(ctx: { skip: (note: string) => void }, ...programs: Program[]): void {
  const reason = missing(...programs);
  if (reason) ctx.skip(reason);
}

/**
 * One line for the start of a run, naming what is missing and so skipped. Under CI (CI set, as
 * .ci/run is run) a missing program is an error instead: CI installs them all, so a skip there
 * would hide a broken install step behind a green run.
 */
export function reportMissing(suite: string, programs: Program[] = allPrograms): void {
  const absent = lacking(programs);
  if (absent === undefined) return;
  if (process.env.CI && !process.env.PLENARY_ALLOW_SKIPS) {
    throw new Error(`${suite}: CI runs every test, but this machine lacks ${absent}. .ci/run installs them all; PLENARY_ALLOW_SKIPS=1 lets the tests skip instead.`);
  }
  console.warn(`${suite}: this machine lacks ${absent}; the tests that need them skip, saying so.`);
}
