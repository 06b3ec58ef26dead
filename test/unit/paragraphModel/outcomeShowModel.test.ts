import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Forum } from '../../../shared/forum';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { referenceToken } from '../../../shared/paragraphRefs';
import { closeCore, openCore } from '../../../main/core/coreContext';
import { cli } from '../helpers/cli';
import { tempDir } from '../helpers/tempCore';
import { call } from '../drafting/draftingFixture';

describe('plenary outcome show and the paragraph model', () => {
  it('prints 2 bis, a sub-paragraph and a reference as their numbers, in English and in Chinese', async () => {
    const db = path.join(tempDir(), 'outcome.sqlite');
    expect((await cli('demo', '--db', db)).code).toBe(0);
    const ctx = await openCore(db);
    try {
      const [forum] = await call<Forum[]>(ctx, 'forums:list', {});
      const document = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId: forum?.id ?? '' });
      const [, p2, p3, p4] = document.paragraphs;
      if (!p2 || !p3 || !p4) throw new Error('the demo has six points');
      await call<DraftParagraph>(ctx, 'paragraphs:addAlternative', { id: p2.id, text: { en: 'We will support rural economies.', zh: '我们将支持农村经济。' }, proposers: ['Kenya'] });
      await call(ctx, 'paragraphs:update', { id: p3.id, level: 1 });
      await call(ctx, 'paragraphs:update', { id: p4.id, text: { en: `${p4.text.en ?? ''} See paragraph ${referenceToken(p3.id)}.`, zh: `${p4.text.zh ?? ''}见第${referenceToken(p3.id)}段。` } });
    } finally {
      closeCore(ctx);
    }
    const en = await cli('outcome', 'show', '--db', db, '--lang', 'en');
    expect(en).toMatchObject({ code: 0, err: '' });
    expect(en.out).toContain('2 bis. [We will support rural economies.]');
    expect(en.out).toMatch(/\n\(a\) culture, both tangible/);
    expect(en.out).toContain('See paragraph 2 (a).');
    expect(en.out).not.toContain('[[');
    const zh = await cli('outcome', 'show', '--db', db, '--lang', 'zh');
    expect(zh.out).toContain('2之二. [我们将支持农村经济。]');
    expect(zh.out).toContain('见第2(a)段。');
  });
});
