import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import { outcomeMarkdown } from '../../../main/core/exports/outcomeMarkdown';
import { chromiumPdfPrinter } from '../../../main/core/exports/pdfPrinter';
import { chromium, libreOffice, notoFonts, poppler, skipWithout } from '../../programs';
import { tempDir } from '../helpers/tempCore';
import { call, demoOutcome } from './outcomeExportFixture';

// Every rich element, in each language: bold, italic, a bulleted and a numbered list, a link, a
// note, a sub-heading, a merge field, and text that would be HTML if anything let it through.
const words = {
  en: { bold: 'commit', italic: 'together', bullets: ['roads', 'broadband'], numbers: ['plan', 'report'], link: 'UN-Habitat', note: 'Agreed in plenary', heading: 'Next steps', second: 'Reviewed yearly' },
  zh: { bold: '承诺', italic: '共同', bullets: ['道路', '宽带'], numbers: ['规划', '报告'], link: '人居署', note: '全体会议通过', heading: '后续步骤', second: '每年审查' },
  es: { bold: 'comprometemos', italic: 'juntos', bullets: ['caminos', 'banda ancha'], numbers: ['planificar', 'informar'], link: 'ONU-Hábitat', note: 'Acordado en plenaria', heading: 'Próximos pasos', second: 'Revisado cada año' },
  ar: { bold: 'نلتزم', italic: 'معا', bullets: ['الطرق', 'النطاق العريض'], numbers: ['التخطيط', 'الإبلاغ'], link: 'موئل الأمم المتحدة', note: 'اتفق عليه في الجلسة العامة', heading: 'الخطوات التالية', second: 'يراجع سنويا' },
} as const;
type Lang = keyof typeof words;
const langs: Lang[] = ['en', 'zh', 'es', 'ar'];
const hostile = '<script>alert(1)</script> "><img src=x onerror=alert(1)>';

const richPoint = (lang: Lang) => {
  const w = words[lang];
  return [
    `We **${w.bold}** *${w.italic}* {{forum.title}} ${hostile}[^a]`,
    `- ${w.bullets[0]}\n- ${w.bullets[1]}`,
    `1. ${w.numbers[0]}\n2. ${w.numbers[1]}`,
    `## ${w.heading}`,
    `[${w.link}](https://unhabitat.org/?a=1&b="2")`,
    `[^a]: ${w.note} *${w.italic}*.`,
  ].join('\n\n');
};
const secondNote = (lang: Lang) => `${words[lang].second}[^z].\n\n[^z]: ${words[lang].note}.`;

async function richDemo() {
  const demo = await demoOutcome({ arabic: true });
  const [, second, third] = demo.doc.paragraphs;
  if (!second || !third) throw new Error('the demo has fewer than three points');
  await call(demo.ctx, 'paragraphs:update', { id: second.id, text: Object.fromEntries(langs.map((lang) => [lang, richPoint(lang)])) });
  await call(demo.ctx, 'paragraphs:update', { id: third.id, text: Object.fromEntries(langs.map((lang) => [lang, secondNote(lang)])) });
  return demo;
}

const model = (demo: Awaited<ReturnType<typeof richDemo>>, languages: string[]) =>
  buildOutcomeModel(demo.ctx.db, { documentId: demo.documentId, languages, variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true });

describe('rich paragraph text in the exports', () => {
  it.each(langs)('Word (%s): italic and bold runs, Word lists, a hyperlink with its relationship, real footnotes', async (lang) => {
    const demo = await richDemo();
    const files = unzipSync(await outcomeDocx(model(demo, [lang]), 'a4'));
    const part = (name: string) => strFromU8(files[name] ?? new Uint8Array());
    const xml = part('word/document.xml');
    const w = words[lang];
    const runWith = (text: string) => [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).find((run) => run.includes(`>${text}</w:t>`)) ?? '';
    expect(runWith(w.bold)).toMatch(/<w:b\/>/);
    expect(runWith(w.italic)).toMatch(/<w:i\/>/);
    expect(xml.match(/<w:numPr>/g)?.length).toBe(4);
    const rel = /<w:hyperlink [^>]*r:id="([^"]+)"/.exec(xml)?.[1] ?? 'none';
    const relationship = [...part('word/_rels/document.xml.rels').matchAll(/<Relationship [^>]*\/>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${rel}"`));
    expect(relationship).toContain('Target="https://unhabitat.org/?a=1&amp;b=%222%22"');
    expect(relationship).toContain('TargetMode="External"');
    expect(xml.match(/<w:footnoteReference w:id="\d+"\/>/g)?.length).toBe(2);
    const notes = part('word/footnotes.xml');
    expect(notes).toContain(w.note);
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('<script');
    expect(xml).toContain(w.heading);
    if (lang === 'ar') expect(runWith(w.bold)).toContain('<w:rtl/>');
  });

  it('Word side by side: each column numbers its own notes and lists them at its end, in its own language and direction', async () => {
    const demo = await richDemo();
    const files = unzipSync(await outcomeDocx(model(demo, ['en', 'ar']), 'a4'));
    const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    // Word would number footnotes through the table, interleaving the columns: none here.
    expect(xml).not.toContain('<w:footnoteReference');
    expect(xml.match(/<w:numPr>/g)?.length).toBe(8);
    for (const lang of ['en', 'ar'] as const) expect(xml).toContain(`>${words[lang].note} </w:t>`);
    const superscripts = [...xml.matchAll(/<w:vertAlign w:val="superscript"\/>(?:(?!<\/w:r>).)*<w:t[^>]*>([^<]*)<\/w:t>/gs)].map((m) => m[1]?.trim());
    // Per column: references 1 and 2 in the text, then the notes 1 and 2 at its end.
    expect(superscripts).toEqual(['1', '1', '2', '2', '1', '2', '1', '2']);
    expect(xml).toContain('>Notes</w:t>');
    expect(xml).toContain('>الحواشي</w:t>');
  });

  it.each(langs)('HTML (%s): em, strong, lists, a safe link, notes numbered through the document, nothing of the writer’s as markup', async (lang) => {
    const demo = await richDemo();
    const html = outcomeHtml(model(demo, [lang]), 'a4');
    const w = words[lang];
    expect(html).toContain(`<strong>${w.bold}</strong>`);
    expect(html).toContain(`<em>${w.italic}</em>`);
    expect(html).toContain(`<ul><li>${w.bullets[0]}</li><li>${w.bullets[1]}</li></ul>`);
    expect(html).toContain(`<ol><li>${w.numbers[0]}</li><li>${w.numbers[1]}</li></ol>`);
    expect(html).toContain(`<h4 class="sub-heading">${w.heading}</h4>`);
    expect(html).toContain(`<a href="https://unhabitat.org/?a=1&amp;b=%222%22" rel="noreferrer">${w.link}</a>`);
    expect(html).toContain(`href="#note-${lang}-1"`);
    expect(html).toContain(`href="#note-${lang}-2"`);
    expect(html).toMatch(new RegExp(`<li id="note-${lang}-1" value="1"[^>]*>.*${w.note} <em>${w.italic}</em>\\.</li>`));
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/);
    // The merge field still resolves inside rich text, in the column's language; the ordinal label starts the text.
    expect(html).not.toContain('{{forum.title}}');
    if (lang === 'en') expect(html).toContain('<em>together</em> Forum on Urban-Rural Linkages');
    expect(html).toMatch(/<div class="paragraph numbered rich"[^>]*><p><span class="label"[^>]*>[^<]+<\/span>We <strong>/);
    if (lang === 'en') expect(html).toContain('<span class="label" lang="en" dir="ltr">Second, </span>We <strong>');
    if (lang === 'ar') expect(html).toMatch(/<section class="notes" lang="ar" dir="rtl">/);
  });

  it('HTML side by side: each column keeps its own runs and numbers its own notes; Arabic lists and notes sit in right-to-left cells', async () => {
    const demo = await richDemo();
    const html = outcomeHtml(model(demo, ['en', 'ar']), 'a4');
    for (const lang of ['en', 'ar'] as const) {
      expect(html).toContain(`<strong>${words[lang].bold}</strong>`);
      expect(html).toContain(`id="note-${lang}-2"`);
    }
    expect(html).toMatch(/<div class="paragraph numbered rich" lang="ar" dir="rtl">.*?<ul><li>الطرق<\/li>/s);
    expect(html).toMatch(/<td lang="ar" dir="rtl"><section class="notes" lang="ar" dir="rtl">/);
  });

  it.each(langs)('Markdown (%s): the subset passed through, notes renumbered, the rest escaped', async (lang) => {
    const demo = await richDemo();
    const md = outcomeMarkdown(model(demo, [lang]));
    const w = words[lang];
    expect(md).toMatch(new RegExp(`\\n[^\\n]+We \\*\\*${w.bold}\\*\\* \\*${w.italic}\\*`));
    if (lang === 'en') expect(md).toContain('Second, We **commit** *together* Forum on Urban-Rural Linkages');
    expect(md).toContain(`- ${w.bullets[0]}\n- ${w.bullets[1]}`);
    expect(md).toContain(`1. ${w.numbers[0]}\n2. ${w.numbers[1]}`);
    expect(md).toContain(`## ${w.heading}`);
    expect(md).toContain(`[${w.link}](https://unhabitat.org/?a=1&b=%222%22)`);
    expect(md).toContain(`\\<script\\>alert(1)\\</script\\>`);
    expect(md).toMatch(/\[\^1\][\s\S]*\[\^2\]/);
    expect(md).toContain(`[^1]: ${w.note} *${w.italic}*.`);
    expect(md).toContain(`[^2]: ${w.note}.`);
  });

  it.for(langs)('PDF (%s): the rendered words and the notes are in the printed text, no markers', async (lang, context) => {
    skipWithout(context, chromium, poppler, notoFonts);
    const demo = await richDemo();
    const printer = chromiumPdfPrinter();
    if (!printer) throw new Error('no Chromium');
    const file = path.join(tempDir(), `rich-${lang}.pdf`);
    fs.writeFileSync(file, await printer(outcomeHtml(model(demo, [lang]), 'a4'), 'a4'));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFKC').replace(/[\u202a-\u202e]/g, '').replace(/\s+/g, ' ');
    const w = words[lang];
    for (const word of [w.bold, w.italic, w.bullets[0], w.numbers[1], w.heading, w.link, w.note]) expect(text, word).toContain(word);
    expect(text).not.toContain('**');
    expect(text).not.toContain('[^a]');
    expect(text).toContain('<script>');
  });
});

describe('rich text under negotiation', () => {
  it('shades [bracketed] words inside emphasis in the amendments variant, in HTML and Word', async () => {
    const demo = await demoOutcome();
    const first = demo.doc.paragraphs[0];
    await call(demo.ctx, 'paragraphs:update', { id: first?.id, text: { en: 'We [**commit** to] act.' } });
    const amendments = buildOutcomeModel(demo.ctx.db, { documentId: demo.documentId, languages: ['en'], variant: 'amendments', annexes: { participation: false, provenance: false }, fallback: true });
    expect(outcomeHtml(amendments, 'a4')).toContain('We <span class="bracketed">[</span><strong><span class="bracketed">commit</span></strong><span class="bracketed"> to]</span> act.');
    const xml = strFromU8(unzipSync(await outcomeDocx(amendments, 'a4'))['word/document.xml'] ?? new Uint8Array());
    const commit = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/gs)].map((m) => m[0]).find((run) => run.includes('>commit</w:t>')) ?? '';
    expect(commit).toContain('<w:b/>');
    expect(commit).toContain('<w:highlight w:val="lightGray"/>');
  });
});

describe('rich paragraph text in a word processor', () => {
  it('opens in LibreOffice: bold and lists and the footnote printed, no markers', { timeout: 180_000 }, async (context) => {
    skipWithout(context, libreOffice, poppler, notoFonts);
    const demo = await richDemo();
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'rich.docx'), await outcomeDocx(model(demo, ['en']), 'a4'));
    execFileSync(libreOffice.path ?? 'soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', folder, 'rich.docx'], { cwd: folder, stdio: 'ignore', timeout: 170_000 });
    const text = execFileSync('pdftotext', [path.join(folder, 'rich.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const word of [words.en.bold, words.en.bullets[1], words.en.numbers[0], words.en.heading, words.en.link, words.en.note, words.en.second]) expect(text).toContain(word);
    expect(text).not.toContain('**');
    expect(text).not.toContain('[^');
  });
});
