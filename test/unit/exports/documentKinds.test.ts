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
import { chromium, poppler, skipWithout } from '../../programs';
import { tempCore, tempDir } from '../helpers/tempCore';
import { call } from './outcomeExportFixture';

const languages = ['en', 'zh', 'es'] as const;
const point = { en: 'The meeting will bring experts together.', zh: '会议将汇聚专家。', es: 'La reunión reunirá a personas expertas.' };

/** A document of `kind` in the demo forum (en, zh, es), with one paragraph under its first heading. */
async function documentOf(kind: DocumentKindName) {
  const ctx = await tempCore();
  const forum = createDemoForum(ctx);
  const doc = await call<OutcomeDocument>(ctx, 'outcome:create', {
    forumId: forum.id,
    document: {
      kind,
      title: { en: `A ${kind}`, zh: `一份${kind}`, es: `Un ${kind}` },
      subtitle: {},
      place: { en: 'Songyang', zh: '松阳', es: 'Songyang' },
      startDate: '2026-12-09',
      endDate: '2026-12-11',
      coOrganisers: ['UN-Habitat'],
      preamble: {},
      leadIn: {},
      closing: {},
      numbering: documentKinds[kind].numbering,
      addressee: kind === 'letter_of_intent' ? { en: 'The People’s Government of Songyang County', zh: '松阳县人民政府', es: 'El Gobierno Popular del condado de Songyang' } : {},
      signatories:
        kind === 'letter_of_intent'
          ? [{ name: 'Ana Rivera', title: { en: 'Director', zh: '司长', es: 'Directora' }, organisation: { en: 'UN-Habitat', zh: '联合国人居署', es: 'ONU-Hábitat' } }]
          : [],
    },
  });
  const after = doc.paragraphs[0]?.id ?? null;
  await call(ctx, 'paragraphs:create', { documentId: doc.id, after, kind: 'plain', text: point });
  return { ctx, doc: await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: doc.id }) };
}

const exportOf = (ctx: Parameters<typeof call>[0], documentId: string, format: string, lang: string) =>
  call<ExportedFile>(ctx, 'export:outcome', {
    documentId,
    format,
    languages: [lang],
    variant: 'clean',
    annexes: { participation: false, provenance: false },
    fallback: false,
    paper: 'a4',
  });

/** What a reader sees of the file, as text (Word's body XML stripped of its tags, PDF through pdftotext). */
function textOf(file: ExportedFile, format: string): string {
  const bytes = Buffer.from(file.data, 'base64');
  if (format === 'docx') {
    const xml = strFromU8(unzipSync(new Uint8Array(bytes))['word/document.xml'] ?? new Uint8Array());
    return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '');
  }
  if (format === 'pdf') {
    const pdf = path.join(tempDir(), 'out.pdf');
    fs.writeFileSync(pdf, bytes);
    return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  }
  return bytes.toString('utf8');
}

describe('document kinds as data', () => {
  it('seeds each kind’s section headings, carrying their keys, in every working language', async () => {
    const { doc } = await documentOf('concept_note');
    const headings = doc.paragraphs.filter((p) => p.kind === 'heading');
    expect(headings.map((p) => p.section)).toEqual([...documentKinds.concept_note.sections]);
    expect(headings[1]?.text).toEqual({ en: 'Objectives', zh: '目标', es: 'Objetivos' });
    // The user writes under the heading: the paragraph added after the first one follows it.
    expect(doc.paragraphs[1]?.text.en).toBe(point.en);
  });

  it('seeds a session report per session, in agenda order: title, day and people, then its headings', async () => {
    const { ctx, doc } = await documentOf('session_report');
    const sessions = (await call<{ sessions: Array<{ id: string; kind: string; title: Record<string, string>; roles: Array<{ role: string; name: string }> }> }>(ctx, 'agenda:get', { forumId: doc.forumId })).sessions.filter(
      (s) => s.kind !== 'break',
    );
    const seeded = doc.paragraphs.filter((p) => p.text.en !== point.en);
    expect(seeded).toHaveLength(sessions.length * 5);
    const [first] = sessions;
    if (!first) throw new Error('the demo has sessions');
    expect(seeded[0]).toMatchObject({ kind: 'heading', section: null, text: { zh: first.title.zh } });
    const chair = first.roles.find((r) => r.role === 'chair')?.name ?? '';
    expect(seeded[1]?.kind).toBe('plain');
    expect(seeded[1]?.text.zh).toContain(`主席：${chair}`);
    expect(seeded.slice(2, 5).map((p) => [p.section, p.text.es])).toEqual([
      ['summary', 'Resumen'],
      ['keyMessages', 'Mensajes clave'],
      ['decisions', 'Decisiones'],
    ]);
  });

  it('every section key of every kind has a heading in all six languages', () => {
    for (const kind of documentKindNames) {
      for (const section of [...documentKinds[kind].sections, ...(documentKinds[kind].perSession ?? [])]) {
        for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
          const key = sectionHeadingKey(kind, section);
          expect(documentText(lang)(key), `${key} in ${lang}`).not.toBe(key);
        }
      }
    }
  });

  it('a heading prints in the column’s language from documentText even where its text lacks that language', async () => {
    const { ctx, doc } = await documentOf('concept_note');
    const objectives = doc.paragraphs.find((p) => p.section === 'objectives');
    if (!objectives) throw new Error('no objectives heading');
    // Emptying a translation of a seeded heading: the export still prints the Spanish heading, unmarked.
    await call(ctx, 'paragraphs:update', { id: objectives.id, text: { es: '' } });
    const md = textOf(await exportOf(ctx, doc.id, 'md', 'es'), 'md');
    expect(md).toContain('## Objetivos');
    expect(md).not.toContain('no traducido');
  });

  for (const kind of documentKindNames) {
    for (const format of ['docx', 'pdf', 'md', 'html'] as const) {
      it(`exports a ${kind} as ${format} with its headings and closing parts in each language`, async (context) => {
        if (format === 'pdf') skipWithout(context, chromium, poppler);
        const { ctx, doc } = await documentOf(kind);
        for (const lang of format === 'pdf' ? (['zh'] as const) : languages) {
          const text = textOf(await exportOf(ctx, doc.id, format, lang), format);
          const t = documentText(lang);
          for (const section of [...documentKinds[kind].sections, ...(documentKinds[kind].perSession ?? [])]) expect(text, `${kind} ${format} ${lang} ${section}`).toContain(t(sectionHeadingKey(kind, section)));
          expect(text).toContain(point[lang]);
          if (kind === 'letter_of_intent') {
            expect(text).toContain(t('closing.signatories'));
            expect(text).toContain('Ana Rivera');
            expect(text).toContain({ en: 'Director', zh: '司长', es: 'Directora' }[lang]);
          }
        }
      }, 60_000);
    }
  }
});
