import { describe, expect, it } from 'vitest';
import { scriptOf, scriptsOfLanguage, suggestLanguage } from '../../../renderer/src/components/capture/textScript';

describe('the script a note is typed in', () => {
  it('is told from the letters of the six UN languages', () => {
    expect(scriptOf('Villages need broadband and training.')).toBe('latin');
    expect(scriptOf('Les villages ont besoin de formation numérique.')).toBe('latin');
    expect(scriptOf('كثير من القرى تحتاج إلى تدريب رقمي')).toBe('arabic');
    expect(scriptOf('Сельским районам нужна связь')).toBe('cyrillic');
    expect(scriptOf('数字乡村需要宽带和培训')).toBe('han');
  });

  it('follows most of the letters: an acronym or a number inside a sentence does not change it', () => {
    expect(scriptOf('تحقيق SDG 11 في القرى الريفية')).toBe('arabic');
    expect(scriptOf('2030 年可持续发展议程 SDG')).toBe('han');
  });

  it('says nothing with too few letters or no clear majority', () => {
    expect(scriptOf('')).toBeUndefined();
    expect(scriptOf('OK')).toBeUndefined();
    expect(scriptOf('12:30 — 45%')).toBeUndefined();
    expect(scriptOf('abcd абвг')).toBeUndefined();
  });
});

describe('the scripts of a language', () => {
  it('knows the UN languages, reads script subtags and defaults to Latin', () => {
    expect(scriptsOfLanguage('ar')).toEqual(['arabic']);
    expect(scriptsOfLanguage('ru')).toEqual(['cyrillic']);
    expect(scriptsOfLanguage('zh')).toEqual(['han']);
    expect(scriptsOfLanguage('zh-Hant')).toEqual(['han']);
    expect(scriptsOfLanguage('en')).toEqual(['latin']);
    expect(scriptsOfLanguage('sw')).toEqual(['latin']);
    expect(scriptsOfLanguage('sr-Latn')).toEqual(['latin']);
    expect(scriptsOfLanguage('uz-Cyrl')).toEqual(['cyrillic']);
  });
});

describe('the language offered instead of the note’s', () => {
  const working = ['en', 'zh', 'es'];
  it('offers the first working language in the text’s script when the note’s language cannot be right', () => {
    expect(suggestLanguage('Villages need broadband', 'ar', working)).toBe('en');
    expect(suggestLanguage('数字乡村需要宽带', 'en', working)).toBe('zh');
    expect(suggestLanguage('Сельским районам нужна связь', 'en', ['en', 'ru'])).toBe('ru');
    expect(suggestLanguage('كثير من القرى تحتاج', 'en', ['en', 'ar'])).toBe('ar');
  });

  it('offers the last language used first when it is put first', () => {
    expect(suggestLanguage('Los pueblos necesitan formación', 'ar', ['es', ...working])).toBe('es');
  });

  it('offers nothing when the script fits, is unclear, or no candidate is written in it', () => {
    expect(suggestLanguage('Villages need broadband', 'fr', working)).toBeUndefined();
    expect(suggestLanguage('OK', 'ar', working)).toBeUndefined();
    expect(suggestLanguage('Сельским районам нужна связь', 'en', working)).toBeUndefined();
  });
});
