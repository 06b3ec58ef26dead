import { describe, expect, it } from 'vitest';
import { fold, foldText, originalRange } from '../../../shared/foldText';
import { highlightSnippet, matchRanges } from '../../../main/core/search/highlightSnippet';
import { rankBm25 } from '../../../main/core/search/rankBm25';
import { ftsPhrase, searchWords } from '../../../main/core/search/searchWords';

const slices = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e));

describe('folding as the index folds', () => {
  it('lower-cases and strips Latin accents, and leaves other scripts as the index leaves them', () => {
    expect(fold('Núñez')).toBe('nunez');
    expect(fold('CAFÉ Crème ÅNGSTRÖM')).toBe('cafe creme angstrom');
    expect(fold('Łódź Øresund straße')).toBe('łodz øresund straße');
    expect(fold('乡村振兴')).toBe('乡村振兴');
    expect(fold('المدن الصغيرة')).toBe('المدن الصغيرة');
    expect(fold('ПЛАН Йошкар-Ола')).toBe('план йошкар-ола');
    expect(fold('ΟΔΟΣ')).toBe('οδοσ');
    // Decomposed accents (as some keyboards type them) fold the same as composed ones.
    expect(fold('Nu\u0301n\u0303ez')).toBe('nunez');
  });

  it('folds the same whole or character by character', () => {
    const samples = ['José NÚÑEZ', 'İstanbul ΟΔΟΣ Σ', 'Nu\u0301n\u0303ez', '乡村振兴', 'مُحَمَّد', 'ǅemal Ǆ ẞ Æsir', 'Ёлка й', '😀𝒳 Ĳssel', 'plain ascii\ttext\n'];
    for (const text of samples) expect(fold(text), text).toBe(foldText(text).text);
  });

  it('maps every folded unit back to its character, astral ones and separate accents included', () => {
    const text = '😀 Nu\u0301n\u0303ez 𝒳 CAFÉ';
    const folded = foldText(text);
    expect(folded.text).toBe('😀 nunez 𝒳 cafe');
    const at = folded.text.indexOf('nunez');
    expect(text.slice(...originalRange(folded, at, at + 5))).toBe('Nu\u0301n\u0303ez');
    const cafe = folded.text.indexOf('cafe');
    expect(text.slice(...originalRange(folded, cafe, cafe + 4))).toBe('CAFÉ');
    const emoji = folded.text.indexOf('😀');
    expect(text.slice(...originalRange(folded, emoji, emoji + 2))).toBe('😀');
  });
});

describe('search words', () => {
  it('keeps FTS syntax as text: quotes, stars, NEAR, parentheses, AND/OR', () => {
    expect(searchWords('"rural AND (urban* OR NEAR')).toMatchObject([
      { text: '"rural', folded: '"rural', indexed: true },
      { text: 'AND', folded: 'and', indexed: true },
      { text: '(urban*', folded: '(urban*', indexed: true },
      { text: 'OR', folded: 'or', indexed: false },
      { text: 'NEAR', folded: 'near', indexed: true },
    ]);
    expect(ftsPhrase('say "hi"')).toBe('"say ""hi"""');
  });

  it('drops control characters, duplicates and short words inside longer ones', () => {
    expect(searchWords('  rural\u0000\tru RURAL \u200f乡村\u3000乡  ').map((w) => w.text)).toEqual(['rural', '乡村']);
    expect(searchWords('\u0001\u0002 \n')).toEqual([]);
    expect(searchWords('乡村 振兴').map((w) => w.indexed)).toEqual([false, false]);
    expect(searchWords('𝒳𝒴𝒵').map((w) => w.indexed)).toEqual([true]);
  });
});

describe('snippets', () => {
  it('marks every match of every word on the original text', () => {
    const text = 'José NÚÑEZ met Ms Nunez at the Café; cafe talk.';
    const ranges = matchRanges(text, ['nunez', 'cafe']);
    expect(slices(text, ranges)).toEqual(['NÚÑEZ', 'Nunez', 'Café', 'cafe']);
    expect(highlightSnippet(text, ['nunez', 'cafe'])).toEqual({ text, matches: ranges });
  });

  it('merges overlapping matches', () => {
    expect(matchRanges('aaaa banana', ['aa', 'ana'])).toEqual([
      [0, 4],
      [6, 11],
    ]);
  });

  it('cuts a long text around the first match, at spaces, with the matches inside', () => {
    const before = 'Opening remarks about many things that do not matter here at all, '.repeat(4);
    const after = ' and then a long tail of other things that nobody searched for today.'.repeat(4);
    const text = `${before}the Núñez proposal on rural finance${after}`;
    const snippet = highlightSnippet(text, ['nunez', 'rural']);
    expect(snippet.text.length).toBeLessThanOrEqual(170);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text[1]).not.toBe(' ');
    expect(marked(snippet)).toEqual(['Núñez', 'rural']);
  });

  it('never cuts an astral character or a letter from its accent', () => {
    const text = `${'𝒳'.repeat(100)} Café ${'😀'.repeat(100)}`;
    const snippet = highlightSnippet(text, ['cafe']);
    expect(marked(snippet)).toEqual(['Café']);
    expect(snippet.text).not.toMatch(/^…[\udc00-\udfff]/u);
    expect(snippet.text).not.toMatch(/\p{Cs}/u);
  });

  it('shows the start of a text where nothing matches', () => {
    const text = 'x'.repeat(400);
    const snippet = highlightSnippet(text, ['zzz']);
    expect(snippet.matches).toEqual([]);
    expect(snippet.text.startsWith('xxx')).toBe(true);
  });
});

function marked(snippet: { text: string; matches: Array<[number, number]> }): string[] {
  return slices(snippet.text, snippet.matches);
}

describe('BM25 over a window', () => {
  it('puts short notes saying the word often first, the newer on a tie', () => {
    const order = rankBm25(
      [
        { rowid: 1, text: 'Housing, housing and HOUSING.' },
        { rowid: 2, text: 'A long note that mentions housing only once among a great many other words about other things.' },
        { rowid: 3, text: 'Housing matters.' },
        { rowid: 4, text: 'Housing matters!' },
      ],
      ['housing'],
    );
    expect(order).toEqual([1, 4, 3, 2]);
  });
});
