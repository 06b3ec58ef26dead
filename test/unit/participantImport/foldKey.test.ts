import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../../../main/core/participants/foldForMatching';
import { foldKey, remembered } from '../../../main/core/participants/foldKey';

describe('foldKey', () => {
  it('folds every printable ASCII pair exactly as foldForMatching does', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    for (const a of ascii) {
      for (const b of ascii) {
        const text = ` ${a}x${b}Y ${b}${a} `;
        expect(foldKey(text)).toBe(foldForMatching(text));
      }
    }
  });

  it.each(['José  NÚÑEZ', 'Tab\there', 'line\nbreak', '王小明', 'Ørsted-Møller', 'Çağrı', 'ФИО'])('falls back to foldForMatching for %j', (text) => {
    expect(foldKey(text)).toBe(foldForMatching(text));
  });

  it('remembers results per argument', () => {
    let calls = 0;
    const upper = remembered((v) => {
      calls++;
      return v === 'none' ? undefined : v.toUpperCase();
    });
    expect([upper('a'), upper('a'), upper('none'), upper('none'), upper('b')]).toEqual(['A', 'A', undefined, undefined, 'B']);
    expect(calls).toBe(3);
  });
});
