import { describe, expect, it } from 'vitest';
import { restoreMarks, toPieces } from '../../../main/core/xliff/inlineCodes';
import { readXliff } from '../../../main/core/xliff/readXliff';
import { writeXliff } from '../../../main/core/xliff/writeXliff';
import type { XliffUnit } from '../../../main/core/xliff/xliffUnits';

const texts = [
  'Plain words, nothing else.',
  'We **welcome** the *report* and ++underline++ it.',
  '*Recalling* **the _nested_ words** of [[para:abcdefgh12]],[[lead]] we agree.',
  'An unpaired ** and a lone * stay as they are; snake_case_name too.',
  'Escaped \\*stars\\* and a note[^1].\n\n[^1]: The note, with __bold__.',
  'Angle <brackets> & "quotes" \'and\' ampersands &amp; survive.',
  'Tabs\tand\nline breaks, a carriage\r\nreturn, a bell\u0007 and a form feed\u000c.',
  'Arabic نص عربي **غامق** and Chinese 中文**粗体**。',
];

function roundTrip(version: '2.0' | '1.2', text: string): string {
  const unit: XliffUnit = { id: 'outcome_paragraphs.text.abcdefgh12', table: 'outcome_paragraphs', rowId: 'abcdefgh12', column: 'text', source: text, target: text, state: 'current', notes: ['n'] };
  const xml = writeXliff(version, { forumId: 'forum-abcdefgh', subject: 'agenda', sourceLanguage: 'en', lang: 'es' }, [unit]);
  const read = readXliff(xml);
  const { marks } = toPieces(text);
  const [only] = read.units;
  if (!only?.target) throw new Error('no target read back');
  expect(restoreMarks(only.id, only.source, marks)).toBe(text);
  return restoreMarks(only.id, only.target, marks);
}

describe('inline codes', () => {
  it.each(texts)('gives back exactly what was stored, in 2.0 and 1.2: %j', (text) => {
    expect(roundTrip('2.0', text)).toBe(text);
    expect(roundTrip('1.2', text)).toBe(text);
  });

  it('pairs marks that nest and leaves the rest as placeholders', () => {
    const { pieces } = toPieces('**a *b* c** and ** lone');
    expect(pieces).toEqual([
      { kind: 'pair', id: '1', open: '**', close: '**', style: 'b', children: [{ kind: 'text', text: 'a ' }, { kind: 'pair', id: '2', open: '*', close: '*', style: 'i', children: [{ kind: 'text', text: 'b' }] }, { kind: 'text', text: ' c' }] },
      { kind: 'text', text: ' and ' },
      { kind: 'ph', id: '3', mark: '**', what: 'fmt' },
      { kind: 'text', text: ' lone' },
    ]);
  });

  it('a translator may move codes and drop a placeholder; a pair code used as a placeholder is refused', () => {
    const { marks } = toPieces('We **welcome** [[para:abcdefgh12]] it.');
    expect(restoreMarks('u', [{ kind: 'open', id: '1' }, { kind: 'text', text: 'Acogemos' }, { kind: 'close', id: '1' }, { kind: 'text', text: ' con agrado.' }], marks)).toBe('**Acogemos** con agrado.');
    expect(() => restoreMarks('u', [{ kind: 'ph', id: '1' }], marks)).toThrow(expect.objectContaining({ code: 'xliff_malformed' }));
  });
});
