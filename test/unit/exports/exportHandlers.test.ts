import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportedFile, ExportProgress, MissingTranslation } from '../../../shared/exports';
import type { CommandName } from '../../../shared/ipc';
import type { AppError } from '../../../shared/result';
import { dispatch } from '../../../main/core/commands/dispatch';
import type { CoreContext } from '../../../main/core/coreContext';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { chromium, skipWithout } from '../../programs';
import { snapshot, tempCore } from '../helpers/tempCore';
import { outcomeRequest } from './outcomeExportFixture';

async function call<T>(ctx: CoreContext, name: CommandName, input: unknown): Promise<T> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

async function refusal(ctx: CoreContext, name: CommandName, input: unknown): Promise<AppError> {
  const result = await dispatch(ctx, 'cli', name, input);
  if (result.ok) throw new Error(`${name} was expected to fail`);
  return result.error;
}

async function demo() {
  const ctx = await tempCore();
  const forum = createDemoForum(ctx);
  return { ctx, forumId: forum.id, documentId: forum.id };
}


const bytesOf = (file: ExportedFile) => Buffer.from(file.data, 'base64');
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The Word document's body, read out of the zip as Word would. */
const documentXml = (file: ExportedFile) => strFromU8(unzipSync(new Uint8Array(bytesOf(file)))['word/document.xml'] ?? new Uint8Array());

const savedChromium = process.env.PLENARY_CHROMIUM;
afterEach(() => {
  if (savedChromium === undefined) delete process.env.PLENARY_CHROMIUM;
  else process.env.PLENARY_CHROMIUM = savedChromium;
});

describe('export:outcomeCheck', () => {
  it('lists point 5 as lacking Spanish in the demo, and nothing for English', async () => {
    const { ctx, documentId } = await demo();
    const es = await call<{ missing: MissingTranslation[] }>(ctx, 'export:outcomeCheck', { documentId, languages: ['en', 'es'] });
    expect(es.missing).toEqual([expect.objectContaining({ lang: 'es', number: 5, field: 'paragraph' })]);
    expect((await call<{ missing: MissingTranslation[] }>(ctx, 'export:outcomeCheck', { documentId, languages: ['en'] })).missing).toEqual([]);
  });

  it('refuses an unknown document and a language the forum does not work in', async () => {
    const { ctx, documentId } = await demo();
    expect((await refusal(ctx, 'export:outcomeCheck', { documentId: 'no-such-document', languages: ['en'] })).code).toBe('not_found');
    const foreign = await refusal(ctx, 'export:outcomeCheck', { documentId, languages: ['en', 'fr'] });
    expect(foreign).toMatchObject({ code: 'invalid_input', issues: [{ path: 'languages.1', message: 'validation.notWorkingLanguage' }] });
  });
});

describe('export:outcome', () => {
  it('writes HTML: a whole page with its language, named <title>-<langs>-<variant>.html', async () => {
    const { ctx, documentId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'html', languages: ['zh', 'en'] }));
    expect(file).toMatchObject({ mimeType: 'text/html;charset=utf-8', savedTo: null, fileName: 'songyang-consensus-2026-on-urban-rural-linkages-zh-en-clean.html' });
    const html = bytesOf(file).toString('utf8');
    expect(file.bytes).toBe(bytesOf(file).length);
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).toContain('lang="zh"');
    expect(html).toContain('第一，');
  });

  it('writes Word: a .docx zip whose body holds the points in order', async () => {
    const { ctx, documentId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'docx', annexes: { participation: true, provenance: true } }));
    expect(file).toMatchObject({ mimeType: docxMime, fileName: 'songyang-consensus-2026-on-urban-rural-linkages-en-clean.docx' });
    expect(bytesOf(file).subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = documentXml(file);
    expect(xml.indexOf('First, ')).toBeGreaterThan(0);
    expect(xml.indexOf('Sixth, ')).toBeGreaterThan(xml.indexOf('First, '));
  });

  it('writes Markdown in the language asked for, with the variant in the file name', async () => {
    const { ctx, documentId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { variant: 'amendments' }));
    expect(file).toMatchObject({ mimeType: 'text/markdown;charset=utf-8', fileName: 'songyang-consensus-2026-on-urban-rural-linkages-en-amendments.md' });
    expect(bytesOf(file).toString('utf8')).toContain('First, ');
  });

  it('prints a PDF through Chromium when the host has no printer of its own', async (context) => {
    skipWithout(context, chromium);
    const { ctx, documentId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'pdf' }));
    expect(file.mimeType).toBe('application/pdf');
    expect(bytesOf(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('refuses missing translations without the fallback (naming them), and prints the source text with it', async () => {
    const { ctx, documentId } = await demo();
    const before = snapshot(ctx);
    const missing = await refusal(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'html', languages: ['es'] }));
    expect(missing.code).toBe('translations_missing');
    expect(missing.issues?.length).toBeGreaterThan(0);
    expect(snapshot(ctx)).toBe(before);
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'html', languages: ['es'], fallback: true }));
    expect(bytesOf(file).toString('utf8')).toContain('lang="en"');
  });

  it('refuses an unknown document, a foreign language, duplicate languages and a bad format, changing nothing', async () => {
    const { ctx, documentId } = await demo();
    const before = snapshot(ctx);
    expect((await refusal(ctx, 'export:outcome', outcomeRequest('no-such-document'))).code).toBe('not_found');
    expect(await refusal(ctx, 'export:outcome', outcomeRequest(documentId, { languages: ['ar'] }))).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'languages.0', message: 'validation.notWorkingLanguage' }],
    });
    expect((await refusal(ctx, 'export:outcome', outcomeRequest(documentId, { languages: ['en', 'en'] }))).issues).toEqual([{ path: 'languages', message: 'validation.duplicateLanguage' }]);
    expect((await refusal(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'odt' }))).code).toBe('invalid_input');
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses a PDF when there is nothing to print it with (pdf_unavailable), changing nothing', async () => {
    const { ctx, documentId } = await demo();
    process.env.PLENARY_CHROMIUM = '/nowhere/chromium';
    const before = snapshot(ctx);
    const error = await refusal(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'pdf' }));
    expect(error.code).toBe('pdf_unavailable');
    expect(error.message).toMatch(/Chromium/);
    expect(snapshot(ctx)).toBe(before);
  });

  it("prints a PDF with the host's printer, giving it the print-styled page and the paper size", async () => {
    const { ctx, documentId } = await demo();
    const printed: Array<{ html: string; paper: string }> = [];
    ctx.pdfPrinter = (html, paper) => {
      printed.push({ html, paper });
      return Promise.resolve(new TextEncoder().encode('%PDF-1.7 fake'));
    };
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'pdf', paper: 'letter', exportId: 'pdf-export-1' }));
    expect(file).toMatchObject({ mimeType: 'application/pdf', fileName: 'songyang-consensus-2026-on-urban-rural-linkages-en-clean.pdf', bytes: 13 });
    expect(printed).toEqual([{ html: expect.stringMatching(/First, /), paper: 'letter' }]);
    expect(await call<ExportProgress>(ctx, 'export:progress', { exportId: 'pdf-export-1' })).toEqual({ phase: 'done', done: 4, total: 4 });
  });

  it('reports progress under the id the screen chose; an unknown id has none', async () => {
    const { ctx, documentId } = await demo();
    expect(await call<ExportProgress | null>(ctx, 'export:progress', { exportId: 'not-started-1' })).toBeNull();
    await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'html', exportId: 'html-export-1' }));
    expect(await call<ExportProgress>(ctx, 'export:progress', { exportId: 'html-export-1' })).toEqual({ phase: 'done', done: 3, total: 3 });
    expect((await refusal(ctx, 'export:progress', { exportId: 'bad id!' })).code).toBe('invalid_input');
  });
});

describe('export:agenda, export:participants', () => {
  it('writes the agenda as HTML in the language asked for', async () => {
    const { ctx, forumId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:agenda', { forumId, format: 'html', lang: 'es', paper: 'a4' });
    expect(file.mimeType).toBe('text/html;charset=utf-8');
    expect(file.fileName).toMatch(/^[a-z0-9-]+-agenda-es\.html$/);
    expect(bytesOf(file).toString('utf8')).toMatch(/<html[^>]* lang="es"/);
  });

  it('names each file in the language of the export: a Spanish agenda after the Spanish title, a Chinese one after the source title', async () => {
    const { ctx, forumId } = await demo();
    const names = async (lang: string) => [
      (await call<ExportedFile>(ctx, 'export:agenda', { forumId, format: 'html', lang, paper: 'a4' })).fileName,
      (await call<ExportedFile>(ctx, 'export:participants', { forumId, format: 'docx', lang })).fileName,
      (await call<ExportedFile>(ctx, 'export:participation', { forumId, lang })).fileName,
    ];
    expect(await names('es')).toEqual([
      'foro-sobre-vinculos-urbano-rurales-agenda-es.html',
      'foro-sobre-vinculos-urbano-rurales-participants-es.docx',
      'foro-sobre-vinculos-urbano-rurales-participation-es.docx',
    ]);
    // A Chinese title gives no letters for a file name: the source language's title stands in.
    expect((await names('zh'))[0]).toBe('forum-on-urban-rural-linkages-agenda-zh.html');
  });

  it('writes the participant list as CSV, as the list screen does', async () => {
    const { ctx, forumId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:participants', { forumId, format: 'csv', lang: 'en' });
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toMatch(/^[a-z0-9-]+-participants\.csv$/);
    expect(bytesOf(file).toString('utf8').split('\r\n')).toHaveLength(202);
  });

  it('writes the agenda, the participant list and the participation figures as Word', async () => {
    const { ctx, forumId } = await demo();
    const agenda = await call<ExportedFile>(ctx, 'export:agenda', { forumId, format: 'docx', lang: 'zh', paper: 'letter' });
    const people = await call<ExportedFile>(ctx, 'export:participants', { forumId, format: 'docx', lang: 'es' });
    const figures = await call<ExportedFile>(ctx, 'export:participation', { forumId, lang: 'en' });
    for (const file of [agenda, people, figures]) {
      expect(file.mimeType).toBe(docxMime);
      expect(documentXml(file)).toContain('<w:body>');
    }
    expect([agenda.fileName, people.fileName, figures.fileName].map((name) => name.replace(/^[a-z0-9-]+?-(agenda|participants|participation)/, '$1'))).toEqual([
      'agenda-zh.docx',
      'participants-es.docx',
      'participation-en.docx',
    ]);
  });

  it('refuses an unknown forum and a foreign language, changing nothing', async () => {
    const { ctx, forumId } = await demo();
    const before = snapshot(ctx);
    expect((await refusal(ctx, 'export:agenda', { forumId: 'no-such-forum', format: 'html', lang: 'en', paper: 'a4' })).code).toBe('not_found');
    expect(await refusal(ctx, 'export:agenda', { forumId, format: 'html', lang: 'ru', paper: 'a4' })).toMatchObject({ code: 'invalid_input', issues: [{ path: 'lang' }] });
    expect((await refusal(ctx, 'export:participation', { forumId, lang: 'ru' })).code).toBe('invalid_input');
    expect((await refusal(ctx, 'export:participants', { forumId, format: 'xlsx', lang: 'en' })).code).toBe('invalid_input');
    expect(snapshot(ctx)).toBe(before);
  });
});

describe('exports in the export worker', () => {
  // Every export composes in the worker thread, built for the tests as the app's build does.
  it('composes on its own connection, reports each phase, and brings refusals back typed', async () => {
    const { ctx, documentId } = await demo();
    const file = await call<ExportedFile>(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'html', exportId: 'worker-export-1' }));
    expect(bytesOf(file).toString('utf8')).toContain('First, ');
    expect(await call<ExportProgress>(ctx, 'export:progress', { exportId: 'worker-export-1' })).toEqual({ phase: 'done', done: 3, total: 3 });
    const before = snapshot(ctx);
    const missing = await refusal(ctx, 'export:outcome', outcomeRequest(documentId, { format: 'html', languages: ['es'] }));
    expect(missing.code).toBe('translations_missing');
    expect(missing.issues?.length).toBeGreaterThan(0);
    expect(snapshot(ctx)).toBe(before);
  }, 30_000);
});
