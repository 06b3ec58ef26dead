import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentKindNames, documentKinds, sectionHeadingKey, type DocumentKindName } from '../../../shared/documentKinds';
import type { ExportedFile } from '../../../shared/exports';
import type { OutcomeDocument } from '../../../shared/outcome';
import { createDemoForum } from '../../../main/core/demo/createDemoForum';
import { documentText } from '../../../main/core/exports/documentText';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { chromium, poppler, skipWithout } from '../../programs';
import { tempCore, tempDir } from '../helpers/tempCore';
import { demoCore } from './demoExportFixture';
import { call } from './outcomeExportFixture';

// The demo forum carries one document of each kind the seeds show, and each prints in English,
// Chinese and Spanish with its headings in the document's language and its merge fields filled.

const languages = ['en', 'zh', 'es'] as const;
const demoKinds: readonly DocumentKindName[] = documentKindNames;

async function demo() {
  const ctx = await tempCore();
  const forum = createDemoForum(ctx);
  const list = await call<Array<{ id: string; kind: string }>>(ctx, 'outcome:list', { forumId: forum.id });
  const docs = new Map<string, OutcomeDocument>();
  for (const item of list) docs.set(item.kind, await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: item.id }));
  return { ctx, forum, list, docs };
}

const exportOf = (ctx: Parameters<typeof call>[0], documentId: string, format: string, lang: string) =>
  call<ExportedFile>(ctx, 'export:outcome', { documentId, format, languages: [lang], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true, paper: 'a4' });

function textOf(file: ExportedFile, format: string): string {
  const bytes = Buffer.from(file.data, 'base64');
  if (format === 'docx') {
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
    const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
    return xml
      .replace(/<w:p[ >]/g, '\n$&')
      .replace(/<[^>]+>/g, '')
      .replace(/&(?:amp|lt|gt|quot|apos);/g, (entity) => entities[entity] ?? entity);
  }
  const pdf = path.join(tempDir(), 'out.pdf');
  fs.writeFileSync(pdf, bytes);
  // Without -layout: lines as the text runs, so a sentence wrapped in the PDF still reads as one.
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}

/** Text compared without spaces and hyphens: a PDF line may wrap anywhere, and at a hyphen pdftotext drops it. */
const squash = (text: string) => text.replace(/[\s\u00ad-]+/g, '');

describe('the demo forum’s documents', () => {
  it('has one document of each kind, each with text in every working language', async () => {
    const { list, docs } = await demo();
    expect(list.map((d) => d.kind).sort()).toEqual([...demoKinds].sort());
    for (const kind of demoKinds) {
      const doc = docs.get(kind);
      expect(doc?.paragraphs.length, kind).toBeGreaterThan(0);
      // The Consensus keeps one point untranslated into Spanish, for the exports' fallback to show.
      const untranslated = (doc?.paragraphs ?? []).filter((p) => Object.keys(p.text).length < 3);
      expect(untranslated.length, kind).toBe(kind === 'consensus' ? 1 : 0);
    }
    const letter = docs.get('letter_of_intent');
    expect(letter?.signatories.map((s) => s.name)).toEqual(['Grace Wanjiru Mwangi', 'Zhou Weiming']);
    expect(letter?.addressee.zh).toBeTruthy();
    expect(docs.get('consensus')?.participation).toBe(true);
    expect(docs.get('consensus')?.contacts).toHaveLength(2);
  });

  it('gives its participants a title or position', async () => {
    const ctx = await tempCore();
    const forum = createDemoForum(ctx);
    const missing = ctx.db.prepare("SELECT count(*) FROM participants WHERE forum_id = ? AND coalesce(position, '') = ''").pluck().get(forum.id);
    expect(missing).toBe(0);
  });

  it('keeps the contacts’ numbers and English lines in their order in an Arabic version', async () => {
    const { ctx, forumId } = await demoCore({ arabic: true });
    const column = buildOutcomeModel(ctx.db, { documentId: forumId, languages: ['ar'], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true }).columns[0];
    const [secretariat] = column?.contacts ?? [];
    // Bidi isolates: the phone number left to right inside the Arabic label, an English line as a whole.
    expect(secretariat).toContain('هاتف: \u2066+86 578 800 1200\u2069');
    expect(secretariat).toContain('\u20688 Changsong Road, Xiping Subdistrict\u2069');
    expect(secretariat).toContain('\u2066forum-secretariat@example.org\u2069');
  });

  for (const format of ['docx', 'pdf'] as const) {
    it(`exports each as ${format} in en, zh and es: headings in the language, merge fields resolved, the Consensus's figures and contacts`, async (context) => {
      if (format === 'pdf') skipWithout(context, chromium, poppler);
      const { ctx, docs } = await demo();
      for (const kind of demoKinds) {
        const doc = docs.get(kind);
        if (!doc) throw new Error(`no ${kind}`);
        for (const lang of languages) {
          const where = `${kind} ${format} ${lang}`;
          const t = documentText(lang);
          const text = squash(textOf(await exportOf(ctx, doc.id, format, lang), format));
          const contains = (needle: string, what = where) => expect(text, what).toContain(squash(needle));
          contains(doc.title[lang] ?? `no ${lang} title`);
          expect(text, where).not.toContain('{{');
          for (const section of [...documentKinds[kind].sections, ...(documentKinds[kind].perSession ?? [])]) {
            contains(t(sectionHeadingKey(kind, section)), `${where} ${section}`);
          }
          if (kind === 'consensus') {
            contains({ en: '200 participants', zh: '200名与会者', es: '200 participantes' }[lang]);
            contains({ en: 'Forum Secretariat', zh: '论坛秘书处', es: 'Secretaría del Foro' }[lang]);
            contains({ en: 'Songyang County People', zh: '松阳县人民政府', es: 'Gobierno Popular del Condado de Songyang' }[lang]);
          }
          if (kind === 'concept_note') {
            // {{forum.dates}} and {{forum.coOrganisers}}, in the language.
            contains({ en: 'November 2026', zh: '2026年11月', es: 'noviembre de 2026' }[lang]);
            contains({ en: 'UN-Habitat', zh: '联合国人居署', es: 'ONU-Hábitat' }[lang]);
          }
          if (kind === 'letter_of_intent') {
            // As letters are laid out: the addressee above the body, the signatories below it.
            const addressee = text.indexOf(squash(t('closing.addressee', { addressee: doc.addressee[lang] ?? '' })));
            const body = text.indexOf(squash(doc.paragraphs[0]?.text[lang] ?? '').slice(0, 12));
            expect(addressee, where).toBeGreaterThan(0);
            expect(addressee, where).toBeLessThan(body);
            expect(body, where).toBeLessThan(text.indexOf(squash(t('closing.signatories'))));
            contains(t('closing.signatories'));
            contains({ en: 'County Magistrate', zh: '县长', es: 'Jefe del condado' }[lang]);
          }
        }
      }
    }, 240_000);
  }
});
