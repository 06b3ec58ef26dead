import { describe, expect, it } from 'vitest';
import { outcomeDocx } from '../../../main/core/exports/outcomeDocx';
import { buildOutcomeModel } from '../../../main/core/exports/outcomeModel';
import { sixLanguageOutcome } from './outcomeExportFixture';

// The figure (the benchmark proper is test/bench): a 60-paragraph document in the six
// languages side by side, with both annexes. Printed, not asserted: machines differ.
describe('outcome DOCX at size', () => {
  it('exports 60 paragraphs in 6 languages with annexes', async () => {
    const { ctx, documentId, doc } = await sixLanguageOutcome(60);
    expect(doc.paragraphs).toHaveLength(60);
    const input = {
      documentId,
      languages: ['en', 'zh', 'es', 'ar', 'fr', 'ru'],
      variant: 'amendments' as const,
      annexes: { participation: true, provenance: true },
      fallback: true,
    };
    await outcomeDocx(buildOutcomeModel(ctx.db, input), 'a4');
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 5; run += 1) {
      const start = performance.now();
      const file = await outcomeDocx(buildOutcomeModel(ctx.db, input), 'a4');
      times.push(performance.now() - start);
      bytes = file.length;
    }
    times.sort((a, b) => a - b);
    console.log(`outcome DOCX, 60 paragraphs x 6 languages + annexes: median ${times[2]?.toFixed(0)} ms (min ${times[0]?.toFixed(0)}), ${(bytes / 1024).toFixed(0)} KiB`);
    expect(bytes).toBeGreaterThan(0);
  }, 120_000);
});
