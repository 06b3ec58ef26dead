import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ExportedFile, ExportProgress } from '../../../shared/exports';
import { dispatch } from '../../../main/core/commands/dispatch';
import { compilationDocx } from '../../../main/core/exports/compilationDocx';
import { compilationHtml } from '../../../main/core/exports/compilationHtml';
import { compilationMarkdown } from '../../../main/core/exports/compilationMarkdown';
import { buildCompilationModel } from '../../../main/core/exports/compilationModel';
import { snapshot } from '../helpers/tempCore';
import { negotiatedDemo } from './compilationFixture';
import { call } from './outcomeExportFixture';

const documentXml = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array());
/** The w:r runs whose text is exactly `text`. */
const runsWith = (xml: string, text: string): string[] => [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).filter((run) => run.includes(`>${text}</w:t>`));
/** The table rows (w:tr) of the body, in order. */
const tableRows = (xml: string): string[] => [...xml.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/gs)].map((m) => m[0]);

describe('the compilation text as Word', () => {
  it('is a landscape table whose header row repeats on each page, with insertions underlined and deletions struck', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const xml = documentXml(await compilationDocx(buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' }), 'a4'));
    expect(xml).toMatch(/<w:pgSz [^>]*w:orient="landscape"/);
    const rows = tableRows(xml);
    expect(rows[0]).toContain('<w:tblHeader/>');
    for (const heading of ['Paragraph', 'Current text', 'Proposals', 'Proposed and supported by', 'Objections and reservations', 'Rationale']) expect(rows[0]).toContain(`>${heading}</w:t>`);
    // A header row and a row per paragraph.
    expect(rows).toHaveLength(1 + doc.paragraphs.length);
    const [inserted] = runsWith(xml, 'resilient');
    expect(inserted).toMatch(/<w:u w:val="single"\/>/);
    expect(inserted).not.toContain('<w:strike/>');
    const [deleted] = runsWith(xml, 'diversified');
    expect(deleted).toContain('<w:strike/>');
    // Proposals are shown, not tracked: nothing for Word to accept or reject.
    expect(xml).not.toMatch(/<w:(ins|del) /);
    for (const text of ['Kenya (1, 3)', 'Norway — Too vague.', 'Japan — Pending instructions from capital.', 'Resilience matters more.', 'Proposal 3 · Deletion of the paragraph (rejected)', 'No proposals', 'OP2 bis', 'Brazil, India']) {
      expect(xml, text).toContain(`>${text}</w:t>`);
    }
  });

  it('sets Arabic right to left: the table, its paragraphs and runs, an English proposal kept left to right', async () => {
    const { ctx, doc } = await negotiatedDemo({ arabic: true });
    const xml = documentXml(await compilationDocx(buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'ar', amendments: 'all' }), 'a4'));
    expect(xml).toContain('<w:bidiVisual/>');
    expect(xml).toMatch(/<w:p><w:pPr><w:bidi\/>(?:(?!<\/w:p>).)*>الفقرة<\/w:t>/s);
    const [inserted] = runsWith(xml, 'resilient');
    expect(inserted).not.toContain('<w:rtl/>');
    expect(runsWith(xml, 'لا توجد مقترحات')[0]).toContain('<w:rtl/>');
    // A rationale typed in English is a first-strong isolate inside the right-to-left paragraph.
    expect(xml).toContain('>\u2068Resilience matters more.\u2069</w:t>');
  });
});

describe('the compilation text as HTML and Markdown', () => {
  it('HTML: a table with <ins>/<del>, each cell of user content in its own language and direction, printed landscape', async () => {
    const { ctx, doc } = await negotiatedDemo({ arabic: true });
    const html = compilationHtml(buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'ar', amendments: 'all' }), 'a4');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('@page { size: A4 landscape;');
    expect(html).toContain('<thead><tr><th scope="col" class="col-1">الفقرة</th>');
    expect(html).toContain('<del>diversified</del><ins>resilient</ins>');
    // The English proposal inside the Arabic page keeps its direction; Arabic text cells are rtl.
    expect(html).toMatch(/<p class="diff" lang="en" dir="ltr">[^<]*<del>diversified/);
    expect(html).toMatch(/class="current-text" lang="ar" dir="rtl"/);
    expect(html).toContain('<td class="objections-cell" lang="ar" dir="rtl">');
    // Typed names and notes are isolated, so a Latin note keeps its full stop at its end in an Arabic cell.
    expect(html).toContain('<bdi>Norway</bdi><span class="note"> — <bdi>Too vague.</bdi></span>');
  });

  it('Markdown: a section per paragraph with its text quoted, proposals listed with ~~deleted~~ and **inserted** words', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const md = compilationMarkdown(buildCompilationModel(ctx.db, { documentId: doc.id, lang: 'en', amendments: 'all' }));
    expect(md).toContain('## Compilation text');
    const section = md.slice(md.indexOf('### OP1\n'), md.indexOf('### OP1 (a)'));
    expect(section).toContain('_Operative · Agreed_');
    expect(section).toMatch(/^> .*we will support a diversified rural economy/m);
    expect(section).toContain('1. **Proposal 1 · Replacement text (open)** — Kenya');
    expect(section).toContain('~~diversified~~**resilient**');
    expect(section).toContain('- **Proposed by**: Kenya (1, 3); Chile (2); Mexico (4)');
    expect(section).toContain('- **Supported by**: Chile; Peru — A good compromise.');
    expect(section).toContain('- **Objection**: Norway — Too vague.');
    expect(section).toContain('- **Reservation**: Japan — Pending instructions from capital.');
    expect(section).toContain('- 1. Resilience matters more.');
    expect(md.slice(md.indexOf('### PP1\n'), md.indexOf('### OP1\n'))).toContain('_No proposals_');
  });
});

describe('export:compilation', () => {
  it('composes the file in the export worker, reports its phases, and changes nothing', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const before = snapshot(ctx);
    const file = await call<ExportedFile>(ctx, 'export:compilation', { documentId: doc.id, format: 'docx', lang: 'zh', amendments: 'open', exportId: 'compilation-1' });
    expect(file.fileName).toMatch(/-compilation-zh\.docx$/);
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = documentXml(new Uint8Array(Buffer.from(file.data, 'base64')));
    expect(xml).toContain('>汇编案文</w:t>');
    expect(xml).toContain('>Kenya（1）</w:t>');
    // Open ones only: the rejected deletion and the withdrawn replacement are left out.
    expect(xml).not.toContain('Mexico');
    expect(await call<ExportProgress>(ctx, 'export:progress', { exportId: 'compilation-1' })).toEqual({ phase: 'done', done: 3, total: 3 });
    const md = await call<ExportedFile>(ctx, 'export:compilation', { documentId: doc.id, format: 'md', lang: 'en', amendments: 'all' });
    expect(Buffer.from(md.data, 'base64').toString('utf8')).toContain('~~diversified~~**resilient**');
    expect(snapshot(ctx)).toBe(before);
  });

  it('refuses a language the forum does not work in, an unknown document or format, writing nothing', async () => {
    const { ctx, doc } = await negotiatedDemo();
    const before = snapshot(ctx);
    const refused = async (input: Record<string, unknown>) => {
      const result = await dispatch(ctx, 'cli', 'export:compilation', { documentId: doc.id, format: 'html', lang: 'en', amendments: 'all', ...input });
      return result.ok ? null : result.error.code;
    };
    expect(await refused({ lang: 'fr' })).toBe('invalid_input');
    expect(await refused({ documentId: 'no-such-document' })).toBe('not_found');
    expect(await refused({ format: 'pdf' })).toBe('invalid_input');
    expect(await refused({ amendments: 'some' })).toBe('invalid_input');
    expect(snapshot(ctx)).toBe(before);
  });
});
