import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportedFile } from '../../../shared/exports';
import { mergeFieldNames, unknownMergeFields } from '../../../shared/mergeFields';
import type { OutcomeDocument } from '../../../shared/outcome';
import { dispatch } from '../../../main/core/commands/dispatch';
import { mergeValues, resolveMergeFields } from '../../../main/core/exports/mergeFields';
import { chromium, poppler, skipWithout } from '../../programs';
import { snapshot, tempDir } from '../helpers/tempCore';
import { call, demoOutcome } from './outcomeExportFixture';

const exportMd = async (ctx: Parameters<typeof call>[0], documentId: string, lang: string) =>
  Buffer.from(
    (
      await call<ExportedFile>(ctx, 'export:outcome', {
        documentId,
        format: 'md',
        languages: [lang],
        variant: 'clean',
        annexes: { participation: false, provenance: false },
        fallback: true,
        paper: 'a4',
      })
    ).data,
    'base64',
  ).toString('utf8');

/** Intl's thin and no-break spaces as plain ones, so expectations can be typed. */
const spaced = (text: string) => text.replace(/\s/g, ' ');

describe('merge fields', () => {
  it('resolve per language: title, dates through Intl, venue, the participation sentence, the programme with roles', async () => {
    const { ctx, forum } = await demoOutcome({ arabic: true });
    const en = mergeValues(ctx.db, forum.id, 'en');
    const zh = mergeValues(ctx.db, forum.id, 'zh');
    const es = mergeValues(ctx.db, forum.id, 'es');
    const ar = mergeValues(ctx.db, forum.id, 'ar');
    expect(en('forum.title')).toBe(forum.title.en);
    expect(zh('forum.title')).toBe(forum.title.zh);
    expect(es('forum.title')).toBe(forum.title.es);
    // The demo has no Arabic title: the source stands in, as in the agenda.
    expect(ar('forum.title')).toBe(forum.title.en);
    expect(spaced(en('forum.dates'))).toBe('23–25 November 2026');
    expect(zh('forum.dates')).toContain('2026年11月23日');
    expect(spaced(es('forum.dates'))).toBe('23–25 de noviembre de 2026');
    expect(ar('forum.dates')).toContain('نوفمبر');
    expect(en('forum.participation')).toBe('200 participants, 18 international organisations, 17 countries');
    expect(zh('forum.participation')).toBe('200名与会者、18个国际组织、17个国家');
    expect(es('forum.participation')).toBe('200 participantes, 18 organizaciones internacionales, 17 países');
    expect(ar('forum.participation')).toContain('منظمةً دوليةً');
    expect(zh('forum.venue')).toBe(forum.venue.zh);
    // The forum names its co-organisers in Chinese: the Chinese version prints those names.
    expect(zh('forum.coOrganisers')).toContain('联合国人居署、');
    expect(es('forum.coOrganisers')).toContain('ONU-Hábitat, ');
    expect(zh('forum.agenda').split('\n')[0]).toMatch(/^2026年11月23日星期一 09:00–10:30：开幕式暨高层对话（[^（）]*主席：Zhou Weiming；[^（）]*）$/);
    expect(es('forum.agenda')).toContain('Moderador: Grace Wanjiru Mwangi');
    expect(ar('forum.agenda')).toContain('رئيس الجلسة: Zhou Weiming');
    expect(en('forum.participantCount')).toBe('200');
    expect(en('forum.participants').split('\n')).toHaveLength(200);
    for (const name of mergeFieldNames) for (const values of [en, zh, es, ar]) expect(values(name), name).not.toBe('');
  });

  it('leave a field naming nothing as typed, and find it', () => {
    expect(resolveMergeFields('{{forum.titel}} and {{ forum.title }}', () => 'T')).toBe('{{forum.titel}} and T');
    expect(unknownMergeFields('{{forum.titel}} {{forum.title}} {{forum.titel}} {{nothing}}')).toEqual(['forum.titel', 'nothing']);
    expect(unknownMergeFields('Plain prose with {braces} and [brackets].')).toEqual([]);
  });

  it('are resolved in every column of an export, in that column’s language', async () => {
    const { ctx, doc } = await demoOutcome({ arabic: true });
    const p = doc.paragraphs[0];
    if (!p) throw new Error('no paragraph');
    await call(ctx, 'paragraphs:update', { id: p.id, text: { en: 'We met in {{forum.venue}} on {{forum.dates}}: {{forum.participation}}.', es: '' } });
    expect(spaced(await exportMd(ctx, doc.id, 'en'))).toContain('We met in Songyang County, Lishui, Zhejiang, China on 23–25 November 2026: 200 participants, 18 international organisations, 17 countries.');
    // The Spanish column lacks this translation: the English fallback still takes Spanish values.
    const es = spaced(await exportMd(ctx, doc.id, 'es'));
    expect(es).toContain('23–25 de noviembre de 2026: 200 participantes');
    expect(es).not.toContain('{{');
  });

  it('naming nothing is refused on save with a clear message, nothing changed', async () => {
    const { ctx, doc } = await demoOutcome();
    const p = doc.paragraphs[0];
    if (!p) throw new Error('no paragraph');
    const before = snapshot(ctx);
    const result = await dispatch(ctx, 'cli', 'paragraphs:update', { id: p.id, text: { en: 'Held on {{forum.dats}}.' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain('{{forum.dats}} names no merge field');
    expect(result.error.issues).toEqual([{ path: 'text.en', message: 'validation.unknownMergeField' }]);
    const created = await dispatch(ctx, 'cli', 'paragraphs:create', { documentId: doc.id, after: null, kind: 'plain', text: { en: '{{x}}' } });
    expect(created.ok).toBe(false);
    const header = await dispatch(ctx, 'cli', 'outcome:update', {
      documentId: doc.id,
      document: { ...pick(doc), subtitle: { en: '{{forum.participation}} {{forum.nope}}' } },
    });
    expect(header.ok ? null : header.error.issues).toEqual([{ path: 'subtitle.en', message: 'validation.unknownMergeField' }]);
    expect(snapshot(ctx)).toBe(before);
  });
});

function pick(doc: OutcomeDocument) {
  const { kind, title, subtitle, place, startDate, endDate, coOrganisers, preamble, leadIn, closing, numbering } = doc;
  return { kind, title, subtitle, place, startDate, endDate, coOrganisers, preamble, leadIn, closing, numbering };
}

describe('the agenda field', () => {
  it('prints one session a line in the PDF, as Word already did', async (context) => {
    skipWithout(context, chromium, poppler);
    const { ctx, doc } = await demoOutcome();
    const p = doc.paragraphs[0];
    if (!p) throw new Error('no paragraph');
    await call(ctx, 'paragraphs:update', { id: p.id, text: { en: 'The agenda:\n{{forum.agenda}}', es: '', zh: '' } });
    const file = await call<ExportedFile>(ctx, 'export:outcome', {
      documentId: doc.id,
      format: 'pdf',
      languages: ['en'],
      variant: 'clean',
      annexes: { participation: false, provenance: false },
      fallback: true,
      paper: 'a4',
    });
    const pdf = path.join(tempDir(), 'agenda.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.data, 'base64'));
    const lines = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).split('\n');
    expect(lines.some((line) => /^First, The agenda:$/.test(line.trim()))).toBe(true);
    expect(lines.filter((line) => /^\w+day,? .*2026, \d\d:\d\d–\d\d:\d\d: /.test(spaced(line).trim())).length).toBeGreaterThan(5);
  }, 60_000);
});
