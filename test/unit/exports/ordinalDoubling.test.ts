import { describe, expect, it } from 'vitest';
import type { DraftParagraph, OutcomeDocument } from '../../../shared/outcome';
import { formatOutcome } from '../../../main/core/cli/outcomeCommands';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { outcomeHtml } from '../../../main/core/exports/outcomeHtml';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { outcomeMarkdown } from '../../../main/core/exports/outcomeMarkdown';
import { documentXml, paragraphTexts } from './demoExportFixture';
import { call, demoOutcome } from './outcomeExportFixture';

describe('a point whose text starts with its own ordinal word', () => {
  it('prints the ordinal once, in every format and in outcome show', async () => {
    const { ctx, documentId, doc } = await demoOutcome();
    const first = doc.paragraphs.find((p) => p.number === 1)!;
    const second = doc.paragraphs.find((p) => p.number === 2)!;
    expect(doc.numbering).toBe('ordinal');
    // The drafter typed the word the export adds (even a wrong one: point 2 typed as "First,").
    await call<DraftParagraph>(ctx, 'paragraphs:update', { id: first.id, text: { ...first.text, en: `First, ${first.text.en!}`, zh: `第一，${first.text.zh!}` } });
    await call<DraftParagraph>(ctx, 'paragraphs:update', { id: second.id, text: { ...second.text, en: `first: ${second.text.en!}` } });

    for (const lang of ['en', 'zh']) {
      const model = buildOutcomeModel(ctx.db, { documentId, languages: [lang], variant: 'clean', annexes: { participation: false, provenance: false }, fallback: true });
      const [one, two] = model.columns[0]!.items.filter((item) => item.number !== null);
      const wanted1 = lang === 'en' ? 'First, ' : '第一，';
      expect(one!.label).toBe(wanted1);
      expect(one!.text.text).toBe(first.text[lang]);
      if (lang === 'en') expect(two!.text.text).toBe(second.text.en);

      const printed = `${wanted1}${first.text[lang]!}`;
      expect(outcomeMarkdown(model)).toContain(printed);
      expect(outcomeMarkdown(model)).not.toMatch(lang === 'en' ? /First, First|Second, first/ : /第一，第一/);
      expect(outcomeHtml(model, 'a4')).not.toMatch(lang === 'en' ? /First, <\/span>First/ : /第一，<\/span>第一/);
      expect(paragraphTexts(documentXml(await outcomeDocx(model, 'a4')))).toContain(printed);
    }
    const updated = await call<OutcomeDocument>(ctx, 'outcome:get', { documentId });
    const shown = formatOutcome(updated, 'en', 'clean');
    expect(shown).toContain(`First, ${first.text.en!}`);
    expect(shown).toContain(`Second, ${second.text.en!}`);
  });
});
