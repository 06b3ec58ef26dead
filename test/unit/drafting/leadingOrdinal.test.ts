import { describe, expect, it } from 'vitest';
import { leadingOrdinal, stripLeadingOrdinal } from '../../../shared/leadingOrdinal';

describe('an ordinal word typed at the start of a point', () => {
  it('is found in each of the six languages, with its separator', () => {
    expect(leadingOrdinal('First, we commit to act.', 'en')).toEqual({ word: 'First', length: 7 });
    expect(leadingOrdinal('  twenty-first: we commit', 'en')?.word).toBe('twenty-first');
    expect(leadingOrdinal('Firstly, we commit', 'en')?.word).toBe('Firstly');
    expect(leadingOrdinal('Premièrement, nous', 'fr')?.word).toBe('Premièrement');
    expect(leadingOrdinal('Primero, nos comprometemos', 'es')?.word).toBe('Primero');
    expect(leadingOrdinal('Во-первых, мы', 'ru')?.word).toBe('Во-первых');
    expect(leadingOrdinal('第一，我们承诺', 'zh')?.word).toBe('第一');
    expect(leadingOrdinal('第二、我们', 'zh')?.word).toBe('第二');
    expect(leadingOrdinal('أولاً، نلتزم', 'ar')?.word).toBe('أولاً');
    expect(leadingOrdinal('أولا، نلتزم', 'ar')?.word).toBe('أولا');
  });

  it('is not found in ordinary openings', () => {
    expect(leadingOrdinal('First of all, we commit', 'en')).toBeNull();
    expect(leadingOrdinal('Firsthand accounts show', 'en')).toBeNull();
    expect(leadingOrdinal('We commit, first, to act', 'en')).toBeNull();
    expect(leadingOrdinal('第一次会议决定', 'zh')).toBeNull();
    expect(leadingOrdinal('First, we commit', 'de')).toBeNull();
  });

  it('is taken out, the rest kept as typed (the label runs on into it)', () => {
    expect(stripLeadingOrdinal('First, we commit to act.', 'en')).toBe('we commit to act.');
    expect(stripLeadingOrdinal('第一，我们承诺', 'zh')).toBe('我们承诺');
    expect(stripLeadingOrdinal('Primero, nos comprometemos', 'es')).toBe('nos comprometemos');
    expect(stripLeadingOrdinal('We commit.', 'en')).toBe('We commit.');
  });
});
