import { describe, expect, it } from 'vitest';
import { wordDiff, wordTokens, type DiffPart } from '../../../shared/wordDiff';

const side = (parts: DiffPart[], kind: 'delete' | 'insert') =>
  parts.filter((p) => p.kind === 'equal' || p.kind === kind).map((p) => p.text).join('');

/** A small seeded generator, so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const vocab: Record<string, string[]> = {
  en: ['rural', 'urban', 'linkages', 'the', 'of', 'and', 'forum', 'we', 'support', "people's", 'co-organisers', '2,000', 'SDG 11.a'],
  zh: ['我们', '支持', '城乡', '联系', '可持续', '发展', '论坛', '松阳', '共识', '农村'],
  ar: ['نرحب', 'بالمنتدى', 'الحضرية', 'الريفية', 'التنمية', 'المستدامة', 'أولاً'],
};
const separators: Record<string, string[]> = {
  en: [' ', ' ', ' ', ', ', '. ', '  ', '\n', ' (', ') ', '; '],
  zh: ['', '', '', '，', '。', '、'],
  ar: [' ', ' ', '، ', '. '],
};

function randomText(rand: () => number, lang: string, words: number): string[] {
  const out: string[] = [];
  const v = vocab[lang] ?? [];
  const s = separators[lang] ?? [];
  for (let i = 0; i < words; i += 1) out.push(v[Math.floor(rand() * v.length)] ?? '', s[Math.floor(rand() * s.length)] ?? '');
  return out;
}

function edit(rand: () => number, pieces: string[], lang: string): string[] {
  const out = [...pieces];
  const edits = 1 + Math.floor(rand() * 5);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(rand() * (out.length + 1));
    const r = rand();
    if (r < 0.33) out.splice(at, 1 + Math.floor(rand() * 3));
    else out.splice(at, r < 0.66 ? 1 : 0, ...randomText(rand, lang, 1 + Math.floor(rand() * 3)));
  }
  return out;
}

describe('wordTokens', () => {
  it('keeps spaces and punctuation as their own tokens', () => {
    expect(wordTokens('First, we  agree.', 'en')).toEqual(['First', ',', ' ', 'we', '  ', 'agree', '.']);
  });

  it('gives the same tokens as segmenting the whole text at once, however long', () => {
    const rand = prng(7);
    for (const lang of ['en', 'zh', 'ar']) {
      const text = randomText(rand, lang, 3000).join('');
      const whole = Array.from(new Intl.Segmenter(lang, { granularity: 'word' }).segment(text), (s) => s.segment);
      expect(wordTokens(text, lang), lang).toEqual(whole);
    }
  });

  it('splits Chinese into words', () => {
    expect(wordTokens('我们支持城乡联系。', 'zh')).toEqual(['我们', '支持', '城乡', '联系', '。']);
  });
});

describe('wordDiff', () => {
  it('joins back to both texts for random edits in several scripts', () => {
    const rand = prng(20260302);
    for (let round = 0; round < 300; round += 1) {
      const lang = ['en', 'zh', 'ar'][round % 3] ?? 'en';
      const beforePieces = randomText(rand, lang, Math.floor(rand() * 40));
      const before = beforePieces.join('');
      const after = edit(rand, beforePieces, lang).join('');
      const parts = wordDiff(before, after, lang);
      expect(side(parts, 'delete'), `round ${round}`).toBe(before);
      expect(side(parts, 'insert'), `round ${round}`).toBe(after);
      expect(parts.every((p) => p.text.length > 0)).toBe(true);
      for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.kind, `round ${round}`).not.toBe(parts[i - 1]?.kind);
    }
  });

  it('shows a replaced word as that word', () => {
    expect(wordDiff('We support rural linkages.', 'We strongly support urban linkages.', 'en')).toEqual([
      { kind: 'equal', text: 'We ' },
      { kind: 'insert', text: 'strongly ' },
      { kind: 'equal', text: 'support ' },
      { kind: 'delete', text: 'rural' },
      { kind: 'insert', text: 'urban' },
      { kind: 'equal', text: ' linkages.' },
    ]);
  });

  it('reads several neighbouring changed words as one change', () => {
    expect(wordDiff('the big red dog', 'the small blue dog', 'en')).toEqual([
      { kind: 'equal', text: 'the ' },
      { kind: 'delete', text: 'big red' },
      { kind: 'insert', text: 'small blue' },
      { kind: 'equal', text: ' dog' },
    ]);
  });

  it('shows a changed Chinese word inside a sentence as that word only', () => {
    expect(wordDiff('我们支持城乡联系，促进发展。', '我们反对城乡联系，促进发展。', 'zh')).toEqual([
      { kind: 'equal', text: '我们' },
      { kind: 'delete', text: '支持' },
      { kind: 'insert', text: '反对' },
      { kind: 'equal', text: '城乡联系，促进发展。' },
    ]);
  });

  it('handles empty and identical texts', () => {
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('same', 'same')).toEqual([{ kind: 'equal', text: 'same' }]);
    expect(wordDiff('', 'new text')).toEqual([{ kind: 'insert', text: 'new text' }]);
    expect(wordDiff('old text', '')).toEqual([{ kind: 'delete', text: 'old text' }]);
  });

  it('accepts a language the segmenter does not know', () => {
    expect(side(wordDiff('a b', 'a c', 'xx-Unknown'), 'insert')).toBe('a c');
  });
});
