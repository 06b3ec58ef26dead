import { describe, expect, it } from 'vitest';
import { formatDates } from '../../../main/core/exports/formatDates';
import { bracketParts, buildOutcomeModel, missingTranslations, type OutcomeModelInput } from '../../../main/core/exports/outcomeModel';
import { snapshot } from '../helpers/tempCore';
import { amendPointTwo, demoOutcome, thrown } from './outcomeExportFixture';

const base = (documentId: string, languages: string[]): OutcomeModelInput => ({
  documentId,
  languages,
  variant: 'clean',
  annexes: { participation: false, provenance: false },
  fallback: false,
});

describe('outcome model', () => {
  it('lists the demo’s missing Spanish point 5 and nothing for Chinese', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const point5 = doc.paragraphs.find((p) => p.number === 5);
    expect(missingTranslations(ctx.db, documentId, ['zh'])).toEqual([]);
    expect(missingTranslations(ctx.db, documentId, ['en', 'es'])).toEqual([{ lang: 'es', paragraphId: point5?.id, number: 5, field: 'paragraph' }]);
  });

  it('refuses missing translations without the fallback, naming them, and changes nothing', async () => {
    const { ctx, documentId } = await demoOutcome();
    const before = snapshot(ctx);
    const error = thrown(() => buildOutcomeModel(ctx.db, base(documentId, ['es'])));
    expect(error.code).toBe('translations_missing');
    expect(error.message).toContain('paragraph 5 (es)');
    expect(error.issues).toHaveLength(1);
    expect(snapshot(ctx)).toBe(before);
  });

  it('prints the source text marked, in the column’s language, with the fallback', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const model = buildOutcomeModel(ctx.db, { ...base(documentId, ['es']), fallback: true });
    const item = model.columns[0]?.items[4];
    expect(model.usedFallback).toBe(true);
    expect(item?.label).toBe('Quinto, ');
    expect(item?.text).toMatchObject({ text: doc.paragraphs[4]?.text.en, lang: 'en', fallback: true, fallbackNote: '(inglés, aún sin traducir)' });
    expect(model.columns[0]?.items[0]?.text.fallback).toBe(false);
  });

  it('refuses a language the forum does not work in, and an unknown document', async () => {
    const { ctx, documentId } = await demoOutcome();
    const before = snapshot(ctx);
    const foreign = thrown(() => buildOutcomeModel(ctx.db, base(documentId, ['fr'])));
    expect(foreign.code).toBe('invalid_input');
    expect(foreign.issues?.[0]?.message).toBe('validation.notWorkingLanguage');
    expect(thrown(() => missingTranslations(ctx.db, 'no-such-document', ['en'])).code).toBe('not_found');
    expect(snapshot(ctx)).toBe(before);
  });

  it('labels points in each column’s own language, Arabic included, right to left', async () => {
    const { ctx, documentId } = await demoOutcome({ arabic: true });
    const model = buildOutcomeModel(ctx.db, { ...base(documentId, ['en', 'zh', 'es', 'ar']), fallback: true });
    const labels = model.columns.map((c) => c.items.slice(0, 2).map((i) => i.label));
    expect(labels).toEqual([
      ['First, ', 'Second, '],
      ['第一，', '第二，'],
      ['Primero, ', 'Segundo, '],
      ['أولاً، ', 'ثانياً، '],
    ]);
    const arabic = model.columns[3];
    expect(arabic?.dir).toBe('rtl');
    expect(arabic?.items[0]?.text.dir).toBe('rtl');
    expect(arabic?.pageTemplate).toBe('الصفحة {{n}} من {{total}}');
    expect(model.columns[0]?.placeAndDates).toMatch(/November 2026$/);
    expect(model.columns[1]?.closing?.text).toBeTruthy();
  });

  it('carries open amendments as word diffs and stance tallies in the amendments variant only', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    await amendPointTwo(ctx, doc);
    const clean = buildOutcomeModel(ctx.db, base(documentId, ['en', 'zh']));
    expect(clean.columns[0]?.items[1]?.amendments).toEqual([]);
    const model = buildOutcomeModel(ctx.db, { ...base(documentId, ['en', 'zh']), variant: 'amendments' });
    const [english, chinese] = model.columns;
    const amendments = english?.items[1]?.amendments ?? [];
    expect(amendments.map((a) => [a.kind, a.proposer])).toEqual([
      ['replace', 'Kenya'],
      ['insert_after', 'Chile'],
    ]);
    expect(amendments[0]?.parts.filter((p) => p.kind !== 'equal')).toEqual([
      { kind: 'delete', text: 'diversified' },
      { kind: 'insert', text: 'resilient' },
    ]);
    expect(amendments[0]?.note).toBe('Open amendment proposed by Kenya');
    expect(amendments[0]?.rationaleNote).toBe('Rationale: Resilience matters more.');
    expect(english?.items[1]?.stanceNote).toBe('Stances: support 1, objection 0, reservation 0');
    // An English amendment is English: the Chinese column shows none, and no note either (English is printed).
    expect(chinese?.items[1]?.amendments).toEqual([]);
    expect(chinese?.items[1]?.statusNote).toBe('状态：已商定');
    // Printed without English, the English amendments become notes in the first column.
    const zhOnly = buildOutcomeModel(ctx.db, { ...base(documentId, ['zh']), variant: 'amendments' });
    expect(zhOnly.columns[0]?.items[1]?.foreignAmendments.map((f) => [f.split?.lead, f.lang, f.split?.text.slice(0, 26)])).toEqual([
      ['Kenya对英语文本提出的待决修正案：', 'en', 'we will support a resilien'],
      ['Chile对英语文本提出的待决修正案：', 'en', 'We will also invest in rur'],
    ]);
    expect(zhOnly.columns[0]?.items[1]?.foreignAmendments[1]?.note).toBe('Chile对英语文本提出的待决修正案：We will also invest in rural broadband.');
  });

  it('builds the participation and provenance annexes in each language', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const model = buildOutcomeModel(ctx.db, { ...base(documentId, ['en', 'zh']), annexes: { participation: true, provenance: true } });
    expect(model.annexes.map((a) => [a.kind, a.lang, a.heading])).toEqual([
      ['participation', 'en', 'Annex 1'],
      ['participation', 'zh', '附件1'],
      ['provenance', 'en', 'Annex 2'],
      ['provenance', 'zh', '附件2'],
    ]);
    const participation = model.annexes[0];
    expect(participation?.figures[0]).toEqual({ label: 'Participants', value: '200' });
    expect(participation?.tables.map((t) => t.title)).toEqual([
      'Participants by country',
      'Participants by organisation type',
      'Participants by gender',
      'People with a role in each session',
    ]);
    expect(participation?.tables[0]?.rows[0]?.[0]).toBe('China');
    expect(model.annexes[1]?.tables[0]?.rows[0]?.[0]).toBe('中国');
    const provenance = model.annexes[2];
    expect(provenance?.entries).toHaveLength(doc.paragraphs.length);
    expect(provenance?.entries[0]?.paragraph).toBe('Paragraph 1');
    expect(provenance?.entries[0]?.keyMessages.length).toBe(doc.paragraphs[0]?.keyMessageIds.length);
    expect(provenance?.entries[0]?.sessions.length).toBeGreaterThan(0);
  });

  it('cuts text at square brackets and formats date ranges per language', () => {
    expect(bracketParts('We [will] act [now].', false)).toEqual([
      { text: 'We ', bracketed: false },
      { text: '[will]', bracketed: true },
      { text: ' act ', bracketed: false },
      { text: '[now]', bracketed: true },
      { text: '.', bracketed: false },
    ]);
    expect(bracketParts('All of it.', true)).toEqual([{ text: 'All of it.', bracketed: true }]);
    expect(formatDates('2026-11-23', '2026-11-25', 'zh')).toBe('2026年11月23日至2026年11月25日');
    expect(formatDates('2026-11-23', '2026-11-25', 'es')).toBe('23–25 de noviembre de 2026');
    expect(formatDates('2026-11-25', '', 'en')).toBe('25 November 2026');
  });
});
