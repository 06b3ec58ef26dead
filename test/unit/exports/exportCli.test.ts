import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, skipWithout } from '../../programs';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';

/** A folder holding the demo forum's database, and where to write. */
async function demoFolder() {
  const dir = tempDir();
  const db = path.join(dir, 'demo.sqlite');
  expect((await cli('demo', '--db', db)).code).toBe(0);
  return { dir, db, out: (name: string) => path.join(dir, name) };
}

const read = (file: string) => fs.readFileSync(file);

describe('plenary export outcome', () => {
  it('writes Word, Markdown and parallel-column HTML, the format taken from --format or the file name', async () => {
    const { db, out } = await demoFolder();
    const docx = await cli('export', 'outcome', '--db', db, '--format', 'docx', '--lang', 'en', '--variant', 'amendments', '--annexes', 'participation,provenance', '--out', out('consensus.docx'));
    expect(docx).toMatchObject({ code: 0, err: '' });
    expect(docx.out).toMatch(/^Wrote .*consensus\.docx \([\d,]+ bytes; suggested name songyang-consensus-2026-on-urban-rural-linkages-en-amendments\.docx\)\.$/);
    expect(read(out('consensus.docx')).subarray(0, 2).toString('latin1')).toBe('PK');

    expect((await cli('export', 'outcome', '--db', db, '--out', out('consensus.md'))).code).toBe(0);
    expect(read(out('consensus.md')).toString('utf8')).toContain('First, ');

    expect((await cli('export', 'outcome', '--db', db, '--format', 'html', '--lang', 'en,zh', '--paper', 'letter', '--out', out('both.html'))).code).toBe(0);
    const html = read(out('both.html')).toString('utf8');
    expect(html).toContain('lang="zh"');
    expect(html).toContain('第一，');
  });

  it('refuses missing translations (exit 1, no file) and prints the source text, marked, with --fallback', async () => {
    const { db, out } = await demoFolder();
    const refused = await cli('export', 'outcome', '--db', db, '--format', 'md', '--lang', 'es', '--out', out('es.md'));
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^Nothing was written\. .*--fallback/s);
    expect(fs.existsSync(out('es.md'))).toBe(false);
    expect((await cli('export', 'outcome', '--db', db, '--format', 'md', '--lang', 'es', '--fallback', '--out', out('es.md'))).code).toBe(0);
    expect(read(out('es.md')).toString('utf8')).toContain('Primero');
  });

  it('refuses a language the forum does not work in, an unknown forum or document (exit 2, no file)', async () => {
    const { db, out } = await demoFolder();
    const cases = [
      [['--lang', 'en,fr'], /--lang: fr is not a working language of the forum \(en, zh, es\)/],
      [['--forum', 'no-such-forum'], /There is no forum no-such-forum/],
      [['--document', 'no-such-document'], /--document: the forum has no outcome document no-such-document/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await cli('export', 'outcome', '--db', db, '--format', 'md', ...args, '--out', out('x.md'));
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(fs.existsSync(out('x.md'))).toBe(false);
    }
  });
});

describe('plenary export agenda, participants, participation', () => {
  it('writes each file', { timeout: 60_000 }, async () => {
    const { db, out } = await demoFolder();
    expect((await cli('export', 'agenda', '--db', db, '--format', 'html', '--lang', 'es', '--out', out('agenda.html'))).code).toBe(0);
    expect(read(out('agenda.html')).toString('utf8')).toMatch(/<html[^>]* lang="es"/);
    expect((await cli('export', 'agenda', '--db', db, '--lang', 'zh', '--out', out('agenda.docx'))).code).toBe(0);
    expect((await cli('export', 'participants', '--db', db, '--format', 'docx', '--lang', 'zh', '--out', out('people.docx'))).code).toBe(0);
    expect((await cli('export', 'participants', '--db', db, '--out', out('people.csv'))).code).toBe(0);
    expect((await cli('export', 'participation', '--db', db, '--out', out('figures.docx'))).code).toBe(0);
    for (const file of ['agenda.docx', 'people.docx', 'figures.docx']) expect(read(out(file)).subarray(0, 2).toString('latin1'), file).toBe('PK');
    expect(read(out('people.csv')).toString('utf8').split('\r\n')[0]).toBe('\uFEFFName,Organisation,Organisation type,Country,Country name,Gender,Roles,Email,Languages,Checked in at,Title or position');
  });

  it('prints the agenda as PDF through Chromium', { timeout: 60_000 }, async (context) => {
    skipWithout(context, chromium);
    const { db, out } = await demoFolder();
    expect((await cli('export', 'agenda', '--db', db, '--format', 'pdf', '--paper', 'letter', '--out', out('agenda.pdf'))).code).toBe(0);
    expect(read(out('agenda.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('bad arguments', () => {
  it('exit 2 with a message, creating no database and writing no file', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'never.sqlite');
    const file = path.join(dir, 'out.docx');
    const cases: Array<[string[], RegExp]> = [
      [['export', 'outcome', '--format', 'odt', '--out', file], /--format must be docx, pdf, md or html, not "odt"/],
      [['export', 'outcome', '--out', path.join(dir, 'out.txt')], /Say which format with --format docx\|pdf\|md\|html/],
      [['export', 'outcome', '--format', 'docx'], /Say where to write the file with --out FILE/],
      [['export', 'outcome', '--format', 'docx', '--lang', 'EN!', '--out', file], /--lang: "EN!" is not a language code/],
      [['export', 'outcome', '--format', 'docx', '--lang', 'en,en', '--out', file], /--lang names a language twice/],
      [['export', 'outcome', '--format', 'docx', '--variant', 'draft', '--out', file], /--variant must be clean or amendments, not "draft"/],
      [['export', 'outcome', '--format', 'docx', '--paper', 'a3', '--out', file], /--paper must be a4 or letter, not "a3"/],
      [['export', 'outcome', '--format', 'docx', '--annexes', 'photos', '--out', file], /--annexes: "photos" is not an annex/],
      [['export', 'outcome', '--format', 'docx', '--out', path.join(dir, 'no', 'such', 'folder', 'x.docx')], /--out: there is no folder/],
      [['export', 'outcome', '--format', 'docx', '--out', dir], /is a folder: name the file to write in it/],
      [['export', 'outcome', '--format', 'docx', '--colour', 'red', '--out', file], /Unknown option '--colour'/],
      [['export', 'agenda', '--format', 'md', '--out', file], /--format must be docx, pdf or html, not "md"/],
      [['export', 'agenda', '--format', 'html', '--lang', 'en,zh', '--out', file], /--lang takes one language here/],
      [['export', 'participants', '--format', 'xlsx', '--out', file], /--format must be docx or csv, not "xlsx"/],
      [['export', 'participation', '--lang', 'e', '--out', file], /--lang: "e" is not a language code/],
    ];
    for (const [argv, message] of cases) {
      const result = await cli(...argv, '--db', db);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err, argv.join(' ')).toMatch(message);
      expect(fs.existsSync(db), argv.join(' ')).toBe(false);
      expect(fs.readdirSync(dir), argv.join(' ')).toEqual([]);
    }
  });

  it('a mistyped --db is refused (exit 1) without creating a database there', async () => {
    const dir = tempDir();
    const result = await cli('export', 'participation', '--db', path.join(dir, 'typo.sqlite'), '--out', path.join(dir, 'figures.docx'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/There is no database at/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('plenary export compilation', () => {
  it('writes the compilation text as Word, HTML or Markdown, the format taken from --format or the file name', { timeout: 60_000 }, async () => {
    const { db, out } = await demoFolder();
    const docx = await cli('export', 'compilation', '--db', db, '--lang', 'zh', '--out', out('compilation.docx'));
    expect(docx).toMatchObject({ code: 0, err: '' });
    expect(docx.out).toMatch(/^Wrote .*compilation\.docx \([\d,]+ bytes; suggested name .*-compilation-zh\.docx\)\.$/);
    expect(read(out('compilation.docx')).subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await cli('export', 'compilation', '--db', db, '--format', 'html', '--amendments', 'open', '--out', out('compilation.txt'))).code).toBe(0);
    expect(read(out('compilation.txt')).toString('utf8')).toContain('<th scope="col" class="col-1">Paragraph</th>');
    expect((await cli('export', 'compilation', '--db', db, '--out', out('compilation.md'))).code).toBe(0);
    // The demo's points have no proposals yet: each still has its section.
    expect(read(out('compilation.md')).toString('utf8')).toContain('_No proposals_');
  });

  it('refuses bad arguments with a clear message (exit 2) and writes nothing', async () => {
    const { db, out } = await demoFolder();
    const cases = [
      [['--format', 'pdf'], /--format must be docx, html or md, not "pdf"/],
      [['--lang', 'fr'], /--lang: fr is not a working language of the forum \(en, zh, es\)/],
      [['--lang', 'en,zh'], /--lang takes one language here/],
      [['--amendments', 'some'], /--amendments must be all or open, not "some"/],
      [['--document', 'no-such-document'], /--document: the forum has no outcome document no-such-document/],
    ] as const;
    for (const [args, message] of cases) {
      const result = await cli('export', 'compilation', '--db', db, ...args, '--out', out('x.md'));
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(fs.existsSync(out('x.md'))).toBe(false);
    }
    const unknownExtension = await cli('export', 'compilation', '--db', db, '--out', out('x.odt'));
    expect(unknownExtension.code).toBe(2);
    expect(unknownExtension.err).toMatch(/Say which format with --format docx\|html\|md/);
  });
});
