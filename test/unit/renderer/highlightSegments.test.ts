import { describe, expect, it } from 'vitest';
import { highlightSegments } from '../../../renderer/src/components/search/highlightSegments';

const marked = (text: string, matches: Array<[number, number]>) =>
  highlightSegments(text, matches)
    .map((s) => (s.match ? `[${s.text}]` : s.text))
    .join('');

describe('highlightSegments', () => {
  it('marks a Chinese word inside a sentence and an Arabic word between spaces', () => {
    expect(marked('表示，乡村振兴必须', [[3, 5]])).toBe('表示，[乡村]振兴必须');
    expect(marked('أن التنمية الريفية تحتاج', [[11, 18]])).toBe('أن التنمية [الريفية] تحتاج');
  });

  it('joins overlapping and touching matches, in any order, and keeps every character', () => {
    expect(marked('rural and urban', [[10, 15], [0, 3], [2, 5]])).toBe('[rural] and [urban]');
    expect(marked('abcdef', [[1, 3], [3, 5]])).toBe('a[bcde]f');
    expect(highlightSegments('abc', [[0, 3]])).toEqual([{ text: 'abc', match: true }]);
  });

  it('clips offsets outside the text and ignores empty ones', () => {
    expect(marked('abc', [[-4, 1], [2, 99], [1, 1]])).toBe('[a]b[c]');
    expect(marked('abc', [])).toBe('abc');
  });

  it('never splits a surrogate pair', () => {
    // 𠀋 is one character, two UTF-16 units: an offset pointing between them moves back to its start.
    expect(marked('a𠀋b', [[2, 4]])).toBe('a[𠀋b]');
  });
});
