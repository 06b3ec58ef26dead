import { describe, expect, it } from 'vitest';
import { moveEarlier, sourceFirst, withLanguage, withoutLanguage } from '../../../renderer/src/components/exports/exportLanguages';

describe('the columns of a parallel-language export', () => {
  it('puts the source language first even when the forum stored another first', () => {
    expect(sourceFirst(['zh', 'en'], 'en')).toEqual(['en', 'zh']);
    expect(sourceFirst(['zh', 'es', 'en'], 'en')).toEqual(['en', 'zh', 'es']);
  });

  it('adds a language where the default order puts it: the source before the rest', () => {
    const order = sourceFirst(['zh', 'en', 'es'], 'en');
    // Chinese chosen first (the screen's language), then the source: the source comes first.
    expect(withLanguage(['zh'], 'en', order)).toEqual(['en', 'zh']);
    expect(withLanguage(['en', 'zh'], 'es', order)).toEqual(['en', 'zh', 'es']);
    expect(withLanguage(['en'], 'en', order)).toEqual(['en']);
  });

  it('keeps an order the user gave', () => {
    const order = ['en', 'zh', 'es'];
    const zhFirst = moveEarlier(['en', 'zh'], 'zh');
    expect(zhFirst).toEqual(['zh', 'en']);
    expect(withLanguage(zhFirst, 'es', order)).toEqual(['zh', 'en', 'es']);
    expect(moveEarlier(zhFirst, 'zh')).toEqual(['zh', 'en']);
    expect(withoutLanguage(['zh', 'en', 'es'], 'en')).toEqual(['zh', 'es']);
  });
});
