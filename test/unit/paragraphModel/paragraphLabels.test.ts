import { describe, expect, it } from 'vitest';
import { alternativeSuffix, printedLabel, referenceText, subParagraphLabel, type ParagraphPlace } from '../../../shared/paragraphPlace';
import { openingPhrase, referenceIds, resolveReferences, styleOpeningPhrase } from '../../../shared/paragraphRefs';

const style = { numbering: 'numbers', roleNumbering: 'together' } as const;
const place = (over: Partial<ParagraphPlace>): ParagraphPlace => ({ number: 7, countedAs: null, suffix: 0, path: [], ...over });

describe('sub-paragraph labels in the six languages', () => {
  it.each([
    ['en', ['(a)', '(b)', '(c)'], ['(i)', '(ii)', '(iv)']],
    ['fr', ['a)', 'b)', 'c)'], ['i)', 'ii)', 'iv)']],
    ['es', ['a)', 'b)', 'c)'], ['i)', 'ii)', 'iv)']],
    ['ru', ['а)', 'б)', 'в)'], ['i)', 'ii)', 'iv)']],
    ['zh', ['(a)', '(b)', '(c)'], ['㈠', '㈡', '㈣']],
    ['ar', ['(أ)', '(ب)', '(ج)'], ["'1'", "'2'", "'4'"]],
  ])('%s', (lang, letters, numerals) => {
    expect([1, 2, 3].map((n) => subParagraphLabel(n, 1, lang))).toEqual(letters);
    expect([1, 2, 4].map((n) => subParagraphLabel(n, 2, lang))).toEqual(numerals);
  });

  it('runs past the alphabet by doubling letters, and Russian skips й', () => {
    expect(subParagraphLabel(27, 1, 'en')).toBe('(aa)');
    expect(subParagraphLabel(10, 1, 'ru')).toBe('к)');
    expect(subParagraphLabel(5, 1, 'ar')).toBe('(هـ)');
  });

  it('prints a sub-paragraph with its own label, and a reference with its number', () => {
    expect(printedLabel(place({ path: [2] }), style, 'en')).toBe('(b) ');
    expect(printedLabel(place({ path: [2, 3] }), style, 'fr')).toBe('iii) ');
    expect(referenceText(place({ path: [2] }), 'en')).toBe('7 (b)');
    expect(referenceText(place({ path: [2, 3] }), 'fr')).toBe('7 b) iii)');
    expect(referenceText(place({ path: [1] }), 'zh')).toBe('7(a)');
  });
});

describe('alternatives and roles', () => {
  it('labels bis, ter, quater in every language', () => {
    expect([1, 2, 3].map((n) => alternativeSuffix(n, 'en'))).toEqual(['bis', 'ter', 'quater']);
    expect(alternativeSuffix(1, 'fr')).toBe('bis');
    expect(alternativeSuffix(2, 'es')).toBe('ter');
    expect(alternativeSuffix(1, 'ru')).toBe('бис');
    expect(alternativeSuffix(1, 'ar')).toBe('مكررا');
    expect(alternativeSuffix(2, 'zh')).toBe('之三');
    expect(referenceText(place({ number: 5, suffix: 1 }), 'en')).toBe('5 bis');
    expect(referenceText(place({ number: 5, suffix: 1 }), 'zh')).toBe('5之二');
    expect(printedLabel(place({ number: 5, suffix: 2 }), style, 'en')).toBe('5 ter. ');
    expect(printedLabel(place({ number: 5, suffix: 1 }), style, 'ar')).toBe('5 مكررا - ');
  });

  it('numbers PP and OP apart when the document says so', () => {
    expect(printedLabel(place({ number: 2, countedAs: 'operative' }), style, 'en')).toBe('OP2. ');
    expect(referenceText(place({ number: 3, countedAs: 'preambular', suffix: 1 }), 'en')).toBe('PP3 bis');
    expect(printedLabel(place({ number: 2 }), { numbering: 'ordinal', roleNumbering: 'together' }, 'en')).toBe('Second, ');
  });
});

describe('marks in the prose', () => {
  it('finds and prints references, any number of times', () => {
    const text = 'As stated in paragraph [[para:p-0000001]] and [[para:p-0000002]], see [[para:p-0000001]].';
    expect(referenceIds(text)).toEqual(['p-0000001', 'p-0000002']);
    expect(resolveReferences(text, (id) => (id === 'p-0000001' ? '7' : '[deleted]'))).toBe('As stated in paragraph 7 and [deleted], see 7.');
  });

  it('takes the opening phrase up to the first comma, or up to the marker', () => {
    expect(openingPhrase('Recalling its resolution 70/1, of 2015')).toEqual({ lead: 'Recalling its resolution 70/1', rest: ', of 2015' });
    expect(openingPhrase('Noting with concern[[lead]] that, as reported')).toEqual({ lead: 'Noting with concern', rest: ' that, as reported' });
    expect(openingPhrase('إذ تشير إلى قرارها، وإذ')).toEqual({ lead: 'إذ تشير إلى قرارها', rest: '، وإذ' });
    expect(openingPhrase('回顾其决议，并')).toEqual({ lead: '回顾其决议', rest: '，并' });
    expect(openingPhrase('No comma here')).toEqual({ lead: '', rest: 'No comma here' });
    expect(styleOpeningPhrase('Recalling its resolution, of 2015', 'italic')).toBe('*Recalling its resolution*, of 2015');
    expect(styleOpeningPhrase('Decides[[lead]] to act, now', 'underline')).toBe('++Decides++ to act, now');
    expect(styleOpeningPhrase('Decides to act, now', null)).toBe('Decides to act, now');
  });
});
