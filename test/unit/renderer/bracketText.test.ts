import { describe, expect, it } from 'vitest';
import { bracketRuns, bracketSelection, hasBrackets } from '../../../renderer/src/components/drafting/bracketText';

describe('bracketSelection', () => {
  it('puts the selected words in brackets, leaving the spaces around them outside', () => {
    const text = 'We will protect peri-urban farmland and rural land markets.';
    const start = text.indexOf(' peri-urban');
    const end = text.indexOf(' and') + 1;
    expect(bracketSelection(text, start, end)).toEqual({
      text: 'We will protect [peri-urban farmland] and rural land markets.',
      start: text.indexOf('peri-urban'),
      end: text.indexOf('peri-urban') + '[peri-urban farmland]'.length,
    });
  });

  it('takes a selection made backwards like one made forwards', () => {
    expect(bracketSelection('a b c', 5, 2)?.text).toBe('a [b c]');
  });

  it('brackets Chinese and Arabic words as they are', () => {
    expect(bracketSelection('建立统一的城乡土地市场', 2, 7)?.text).toBe('建立[统一的城乡]土地市场');
    expect(bracketSelection('سوق موحدة للأراضي', 4, 9)?.text).toBe('سوق [موحدة] للأراضي');
  });

  it('does nothing without a selection, or with only spaces selected', () => {
    expect(bracketSelection('one two', 3, 3)).toBeNull();
    expect(bracketSelection('one   two', 3, 6)).toBeNull();
  });

  it('never nests a second pair around words already in brackets', () => {
    const text = 'protect [rural land] now';
    expect(bracketSelection(text, 9, 19)).toEqual({ text, start: 8, end: 20 });
    expect(bracketSelection(text, 8, 20)).toEqual({ text, start: 8, end: 20 });
  });
});

describe('bracketRuns', () => {
  it('splits text at its brackets, keeping them, so the runs joined give the text back', () => {
    const text = 'promote [a unified market] [secure land rights] together.';
    const runs = bracketRuns(text);
    expect(runs).toEqual([
      { text: 'promote ', bracketed: false },
      { text: '[a unified market]', bracketed: true },
      { text: ' ', bracketed: false },
      { text: '[secure land rights]', bracketed: true },
      { text: ' together.', bracketed: false },
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('keeps nested brackets in one disputed run and marks an unclosed one to the end', () => {
    expect(bracketRuns('a [b [c] d] e')).toEqual([
      { text: 'a ', bracketed: false },
      { text: '[b [c] d]', bracketed: true },
      { text: ' e', bracketed: false },
    ]);
    expect(bracketRuns('a [b c')).toEqual([
      { text: 'a ', bracketed: false },
      { text: '[b c', bracketed: true },
    ]);
    expect(bracketRuns('a ] b')).toEqual([{ text: 'a ] b', bracketed: false }]);
  });

  it('tells text with a bracketed phrase from text without', () => {
    expect(hasBrackets('no brackets here')).toBe(false);
    expect(hasBrackets('one [disputed] phrase')).toBe(true);
  });
});
