import { describe, expect, it } from 'vitest';
import type { DraftParagraph } from '../../../shared/outcome';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import type { OutcomeColumn, OutcomeItem, OutcomeModel, ShownText } from '../../../main/core/exports/outcomeModelTypes';
import { diffMarkdown, escapeMarkdownLine, outcomeMarkdown } from '../../../main/core/exports/outcomeMarkdown';
import { arabicPoint, call, demoOutcome } from './outcomeExportFixture';

const noAnnexes = { participation: false, provenance: false };

const text = (value: string, lang = 'en', fallbackNote = ''): ShownText => ({
  text: value,
  lang,
  dir: lang === 'ar' ? 'rtl' : 'ltr',
  fallback: fallbackNote !== '',
  fallbackNote,
  parts: [{ text: value, bracketed: false }],
});

const item = (overrides: Partial<OutcomeItem> & Pick<OutcomeItem, 'text'>): OutcomeItem => ({
  paragraphId: 'p',
  kind: 'numbered',
  number: null,
  label: '',
  status: 'agreed',
  statusNote: 'Status: Agreed',
  amendments: [],
  foreignAmendments: [],
  stances: { support: 0, objection: 0, reservation: 0 },
  stanceNote: '',
  ...overrides,
});

const column = (overrides: Partial<OutcomeColumn>): OutcomeColumn => ({
  lang: 'en',
  dir: 'ltr',
  title: null,
  subtitle: null,
  placeAndDates: '',
  coOrganisers: '',
  participation: '',
  addressee: null,
  contacts: [],
  preamble: [],
  leadIn: null,
  items: [],
  closing: null,
  pageTemplate: 'Page {{n}} of {{total}}',
  ...overrides,
});

/** A small model written out by hand, so the expected Markdown below is all there is to read. */
const model: OutcomeModel = {
  documentId: 'doc',
  forumId: 'forum',
  kind: 'consensus',
  variant: 'amendments',
  sourceLanguage: 'en',
  usedFallback: true,
  columns: [
    column({
      title: text('Songyang Consensus'),
      subtitle: text('Valuing the *Countryside*'),
      placeAndDates: 'Songyang, 9–11 December 2019',
      coOrganisers: 'Co-organised by UN-Habitat, Lishui',
      preamble: [text('We met.'), text('# not a heading')],
      leadIn: text('We agree as follows:'),
      items: [
        item({ kind: 'heading', text: text('Land'), statusNote: 'Status: Agreed' }),
        item({
          number: 1,
          label: 'First, ',
          text: text('land [must] be shared.'),
          status: 'bracketed',
          statusNote: 'Status: Bracketed',
          amendments: [
            {
              id: 'a1',
              kind: 'replace',
              proposer: 'Kenya',
              createdAt: '2019-12-10T10:00:00Z',
              rationale: 'Clarity.',
              stale: true,
              text: 'land should be shared fairly.',
              parts: [
                { kind: 'equal', text: 'land ' },
                { kind: 'delete', text: '[must]' },
                { kind: 'insert', text: 'should' },
                { kind: 'equal', text: ' be shared' },
                { kind: 'insert', text: ' fairly' },
                { kind: 'equal', text: '.' },
              ],
              note: 'Open amendment proposed by Kenya',
              rationaleNote: 'Rationale: Clarity.',
            },
          ],
          foreignAmendments: [{ id: 'a2', lang: 'es', note: 'Open amendment to the Spanish text proposed by Chile: tierra' }],
          stances: { support: 2, objection: 1, reservation: 0 },
          stanceNote: 'Stances: support 2, objection 1, reservation 0',
        }),
      ],
      closing: text('Songyang, 11 December 2019'),
    }),
    column({
      lang: 'ar',
      dir: 'rtl',
      title: text('توافق سونغيانغ', 'ar'),
      items: [item({ number: 1, label: 'أولاً، ', text: text('land [must] be shared.', 'en', '(الإنجليزية، لم تُترجم بعد)'), statusNote: 'الحالة: متفق عليها' })],
    }),
  ],
  annexes: [
    {
      kind: 'participation',
      lang: 'en',
      dir: 'ltr',
      heading: 'Annex 1',
      title: 'Participation',
      figures: [{ label: 'Participants', value: '200' }],
      tables: [{ title: 'Participants by country', headers: ['Category', 'Number'], rows: [['China', '100'], ['A|B', '2']], numeric: [false, true] }],
      entries: [],
      emptyNote: '',
    },
    {
      kind: 'provenance',
      lang: 'ar',
      dir: 'rtl',
      heading: 'المرفق 1',
      title: 'مصدر الفقرات',
      figures: [],
      tables: [],
      entries: [{ paragraph: 'الفقرة 1', sessions: ['الجلسة العامة'], keyMessages: [] }],
      emptyNote: 'لم تُسجَّل رسالة رئيسية',
    },
  ],
};

const expected = `<!-- en: English -->

# Songyang Consensus

_Valuing the \\*Countryside\\*_

Songyang, 9–11 December 2019

Co-organised by UN-Habitat, Lishui

> Draft with open amendments: ~~struck-through text~~ would be deleted, **bold text** would be inserted; text in [square brackets] is still under negotiation.

We met.

\\# not a heading

**We agree as follows:**

## Land

> **Status: Agreed**

First, land [must] be shared.

> **Status: Bracketed**
>
> _Open amendment proposed by Kenya (proposed against an earlier version of the text)_
>
> land ~~[must]~~**should** be shared **fairly**.
>
> Rationale: Clarity.
>
> _Open amendment to the Spanish text proposed by Chile: tierra_
>
> Stances: support 2, objection 1, reservation 0

_Songyang, 11 December 2019_

## Annex 1: Participation

- Participants: **200**

### Participants by country

| Category | Number |
| --- | ---: |
| China | 100 |
| A\\|B | 2 |

---

<!-- ar: Arabic -->

# توافق سونغيانغ

> مشروع مع تعديلات مفتوحة: ~~النص المشطوب~~ سيُحذف، و**النص الغامق** سيُدرج؛ والنص الوارد بين [معقوفتين] لا يزال قيد التفاوض.

أولاً، land [must] be shared. _(الإنجليزية، لم تُترجم بعد)_

> **الحالة: متفق عليها**

## المرفق 1: مصدر الفقرات

### الفقرة 1

- الجلسة العامة
- _لم تُسجَّل رسالة رئيسية_
`;

describe('outcomeMarkdown', () => {
  it('writes the document as Markdown: ~~deleted~~ and **inserted** words, notes, annexes, languages one after another', () => {
    expect(outcomeMarkdown(model)).toBe(expected);
  });

  it('keeps spaces outside the change markers and escapes what Markdown would read as formatting', () => {
    expect(diffMarkdown([{ kind: 'equal', text: 'a' }, { kind: 'insert', text: ' new *words* ' }, { kind: 'equal', text: 'b' }])).toBe('a **new \\*words\\*** b');
    expect(diffMarkdown([{ kind: 'delete', text: '旧的' }, { kind: 'insert', text: '新的' }, { kind: 'equal', text: '文字' }])).toBe('~~旧的~~**新的**文字');
    expect(diffMarkdown([{ kind: 'delete', text: '  ' }])).toBe('  ');
    expect(escapeMarkdownLine('1. not a list')).toBe('1\\. not a list');
    expect(escapeMarkdownLine('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdownLine('[brackets](kept) [as] text')).toBe('[brackets\\](kept) [as] text');
    expect(escapeMarkdownLine('<b>_x_</b>')).toBe('\\<b\\>\\_x\\_\\</b\\>');
  });

  it('writes the demo Consensus with its ordinal labels, and the marked fallback where Spanish is missing', async () => {
    const { ctx, documentId } = await demoOutcome();
    const english = outcomeMarkdown(buildOutcomeModel(ctx.db, { documentId, languages: ['en'], variant: 'clean', annexes: noAnnexes, fallback: false }));
    const blocks = english.trimEnd().split('\n\n');
    expect(blocks[0]).toBe('# Songyang Consensus 2026 on Urban-Rural Linkages');
    expect(blocks.filter((block) => /^(First|Second|Third|Fourth|Fifth|Sixth), /.test(block)).map((block) => block.split(',')[0])).toEqual([
      'First',
      'Second',
      'Third',
      'Fourth',
      'Fifth',
      'Sixth',
    ]);
    // The closing line, then the secretariat's contact blocks, their lines kept by hard breaks.
    expect(blocks.at(-3)).toBe('_Songyang, 25 November 2026_');
    expect(blocks.at(-1)?.split('  \n')).toEqual(['UN-Habitat, Urban-Rural Linkages team', 'United Nations Avenue, Gigiri', 'Nairobi, Kenya', 'Tel: +254 20 000 1234', 'urban-rural-linkages@example.org']);
    expect(english).not.toMatch(/~~|<!--|^> /m);

    const model2 = buildOutcomeModel(ctx.db, { documentId, languages: ['zh', 'es'], variant: 'clean', annexes: noAnnexes, fallback: true });
    const two = outcomeMarkdown(model2);
    const [zh, es] = two.split('\n\n---\n\n');
    expect(zh).toMatch(/^<!-- zh: Chinese -->\n\n# /);
    expect(zh).toContain('\n\n第一，');
    const fifth = model2.columns[1]?.items.find((entry) => entry.number === 5);
    expect(es).toContain(`${fifth?.label}${fifth?.text.text} _${fifth?.text.fallbackNote}_`);
  });

  it('prints an open amendment of the demo as struck and bold words under its paragraph', async () => {
    const { ctx, documentId, doc } = await demoOutcome({ arabic: true });
    const third = doc.paragraphs.find((p) => p.number === 3) as DraftParagraph;
    await call(ctx, 'amendments:propose', {
      paragraphId: third.id,
      kind: 'replace',
      lang: 'ar',
      text: arabicPoint(3).replace('أهمية', 'ضرورة'),
      proposer: { participantId: null, name: 'مصر' },
      rationale: '',
    });
    const markdown = outcomeMarkdown(buildOutcomeModel(ctx.db, { documentId, languages: ['ar'], variant: 'amendments', annexes: noAnnexes, fallback: false }));
    expect(markdown).toContain('> تؤكد الفقرة 3 على ~~أهمية~~**ضرورة** الروابط');
    expect(markdown).toMatch(/^> _[^_\n]*مصر_$/m);
    expect(markdown).toContain(`ثالثاً، ${arabicPoint(3)}\n\n> **`);
  });
});
