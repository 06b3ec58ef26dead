import { describe, expect, it } from 'vitest';
import { ordinalWord, paragraphLabel } from '../../../shared/ordinalWords';

describe('ordinalWord', () => {
  it('spells English ordinals', () => {
    const words = [1, 2, 3, 4, 5, 8, 9, 11, 12, 13, 20, 21, 22, 30, 40, 42, 59, 60, 99, 100, 101, 112].map((n) => ordinalWord(n, 'en'));
    expect(words).toEqual([
      'First', 'Second', 'Third', 'Fourth', 'Fifth', 'Eighth', 'Ninth', 'Eleventh', 'Twelfth', 'Thirteenth', 'Twentieth',
      'Twenty-first', 'Twenty-second', 'Thirtieth', 'Fortieth', 'Forty-second', 'Fifty-ninth', 'Sixtieth', 'Ninety-ninth',
      'One hundredth', 'One hundred and first', 'One hundred and twelfth',
    ]);
  });

  it('spells French ordinal adverbs', () => {
    const words = [1, 2, 3, 4, 5, 9, 10, 11, 16, 17, 20, 21, 22, 31, 41, 55, 60, 61, 70, 71, 72, 80, 81, 90, 91, 99, 100, 200, 201].map((n) =>
      ordinalWord(n, 'fr'),
    );
    expect(words).toEqual([
      'Premièrement', 'Deuxièmement', 'Troisièmement', 'Quatrièmement', 'Cinquièmement', 'Neuvièmement', 'Dixièmement',
      'Onzièmement', 'Seizièmement', 'Dix-septièmement', 'Vingtièmement', 'Vingt et unièmement', 'Vingt-deuxièmement',
      'Trente et unièmement', 'Quarante et unièmement', 'Cinquante-cinquièmement', 'Soixantièmement', 'Soixante et unièmement',
      'Soixante-dixièmement', 'Soixante et onzièmement', 'Soixante-douzièmement', 'Quatre-vingtièmement', 'Quatre-vingt-unièmement',
      'Quatre-vingt-dixièmement', 'Quatre-vingt-onzièmement', 'Quatre-vingt-dix-neuvièmement', 'Centièmement', 'Deux centièmement',
      'Deux cent unièmement',
    ]);
  });

  it('spells Spanish ordinals standing alone', () => {
    const words = [1, 2, 3, 7, 9, 10, 11, 12, 13, 18, 19, 20, 21, 23, 30, 44, 50, 60, 100, 101].map((n) => ordinalWord(n, 'es'));
    expect(words).toEqual([
      'Primero', 'Segundo', 'Tercero', 'Séptimo', 'Noveno', 'Décimo', 'Undécimo', 'Duodécimo', 'Decimotercero', 'Decimoctavo',
      'Decimonoveno', 'Vigésimo', 'Vigésimo primero', 'Vigésimo tercero', 'Trigésimo', 'Cuadragésimo cuarto', 'Quincuagésimo',
      'Sexagésimo', 'Centésimo', 'Centésimo primero',
    ]);
  });

  it('spells Russian ordinal adverbs up to twenty, then leaves the number', () => {
    expect([1, 2, 3, 4, 10, 11, 20].map((n) => ordinalWord(n, 'ru'))).toEqual([
      'Во-первых', 'Во-вторых', 'В-третьих', 'В-четвертых', 'В-десятых', 'В-одиннадцатых', 'В-двадцатых',
    ]);
    expect(ordinalWord(21, 'ru')).toBeNull();
  });

  it('writes Chinese ordinals with 第', () => {
    const words = [1, 2, 10, 11, 19, 20, 21, 35, 60, 99, 100, 101, 110, 111, 120, 999].map((n) => ordinalWord(n, 'zh'));
    expect(words).toEqual([
      '第一', '第二', '第十', '第十一', '第十九', '第二十', '第二十一', '第三十五', '第六十', '第九十九', '第一百', '第一百零一',
      '第一百一十', '第一百一十一', '第一百二十', '第九百九十九',
    ]);
  });

  it('writes Arabic ordinals: adverbs to ten, then compounds', () => {
    const words = [1, 2, 3, 10, 11, 12, 19, 20, 21, 22, 30, 45, 60, 99].map((n) => ordinalWord(n, 'ar'));
    expect(words).toEqual([
      'أولاً', 'ثانياً', 'ثالثاً', 'عاشراً', 'حادي عشر', 'ثاني عشر', 'تاسع عشر', 'عشرون', 'حادي وعشرون', 'ثاني وعشرون', 'ثلاثون',
      'خامس وأربعون', 'ستون', 'تاسع وتسعون',
    ]);
    expect(ordinalWord(100, 'ar')).toBeNull();
  });

  it('has a distinct word for every point from 1 to 60 in every table language but Russian', () => {
    for (const lang of ['en', 'fr', 'es', 'zh', 'ar']) {
      const words = Array.from({ length: 60 }, (_, i) => ordinalWord(i + 1, lang));
      expect(words.every((w) => typeof w === 'string' && w.length > 0 && !/undefined|\d/.test(w)), lang).toBe(true);
      expect(new Set(words).size, lang).toBe(60);
    }
  });

  it('reads region subtags by their primary language and refuses what is no ordinal', () => {
    expect(ordinalWord(3, 'zh-Hans')).toBe('第三');
    expect(ordinalWord(3, 'es-419')).toBe('Tercero');
    expect(ordinalWord(3, 'fr-CA')).toBe('Troisièmement');
    expect(ordinalWord(3, 'EN-GB')).toBe('Third');
    expect(ordinalWord(3, 'de')).toBeNull();
    expect(ordinalWord(0, 'en')).toBeNull();
    expect(ordinalWord(1.5, 'en')).toBeNull();
  });
});

describe('paragraphLabel', () => {
  it('puts each language’s own punctuation after the ordinal word', () => {
    expect(paragraphLabel(1, 'ordinal', 'en')).toBe('First, ');
    expect(paragraphLabel(1, 'ordinal', 'fr')).toBe('Premièrement, ');
    expect(paragraphLabel(1, 'ordinal', 'es')).toBe('Primero, ');
    expect(paragraphLabel(1, 'ordinal', 'ru')).toBe('Во-первых, ');
    expect(paragraphLabel(21, 'ordinal', 'zh')).toBe('第二十一，');
    expect(paragraphLabel(1, 'ordinal', 'ar')).toBe('أولاً، ');
    expect(paragraphLabel(21, 'ordinal', 'fr-CA')).toBe('Vingt et unièmement, ');
  });

  it('falls back to the number where there is no word', () => {
    expect(paragraphLabel(4, 'ordinal', 'de')).toBe('4. ');
    expect(paragraphLabel(21, 'ordinal', 'ru')).toBe('21. ');
    expect(paragraphLabel(100, 'ordinal', 'ar')).toBe('100 - ');
  });

  it('numbers or leaves unlabelled', () => {
    expect(paragraphLabel(7, 'numbers', 'en')).toBe('7. ');
    expect(paragraphLabel(7, 'numbers', 'zh')).toBe('7. ');
    expect(paragraphLabel(7, 'numbers', 'ar')).toBe('7 - ');
    expect(paragraphLabel(7, 'none', 'en')).toBe('');
    expect(paragraphLabel(7, 'none', 'ar')).toBe('');
  });
});
