import type { ExportedFile } from '../../shared/exports';
import type { Issuance } from '../../shared/issuances';
import { closeCore, openCore } from '../../main/core/coreContext';
import { seed } from './benchDrafting';
import { must, percentile, time } from './measure';

export interface IssuanceFigures {
  paragraphs: number;
  changed: number;
  issueMs: number;
  docxMs: { median: number; max: number; runs: number; bytes: number };
  docxSixMs: { median: number; max: number; runs: number };
}

/**
 * The drafting bench's 60-paragraph document issued as L.1 (in its six languages), then a third of
 * its paragraphs edited, and exported as Word with tracked changes against L.1 through the
 * contract, so through the export worker as the app runs it: in English, and in six parallel columns.
 */
export async function benchIssuances(dbPath: string, runs = 5): Promise<IssuanceFigures> {
  const paragraphs = 60;
  const ctx = await openCore(dbPath);
  try {
    const { documentId } = await seed(ctx, paragraphs, 0, 0);
    let issued: Issuance | undefined;
    const issueMs = await time(async () => (issued = await must<Issuance>(ctx, 'outcome:issue', { documentId, symbol: 'UN-Habitat/EGM/2026/L.1' })));
    const ids = ctx.db.prepare("SELECT id, json_extract(text, '$.en') AS en FROM outcome_paragraphs WHERE document_id = ? ORDER BY position").all(documentId) as Array<{ id: string; en: string }>;
    let changed = 0;
    for (const [i, p] of ids.entries()) {
      if (i % 3 !== 0) continue;
      await must(ctx, 'paragraphs:update', { id: p.id, text: { en: p.en.replace(/\b(the|and)\b/, 'a revised') + ' Added words.' } });
      changed += 1;
    }
    const input = (languages: string[]) => ({
      documentId,
      format: 'docx',
      languages,
      variant: 'clean',
      annexes: { participation: false, provenance: false },
      fallback: true,
      paper: 'a4',
      compareTo: issued?.id ?? '',
    });
    const measure = async (languages: string[]) => {
      let bytes = 0;
      const ms: number[] = [];
      for (let run = 0; run < runs; run++) ms.push(await time(async () => (bytes = (await must<ExportedFile>(ctx, 'export:outcome', input(languages))).bytes)));
      return { median: percentile(ms, 0.5), max: Math.max(...ms), runs, bytes };
    };
    const docxMs = await measure(['en']);
    const six = await measure(['en', 'fr', 'es', 'ru', 'zh', 'ar']);
    return { paragraphs, changed, issueMs, docxMs, docxSixMs: { median: six.median, max: six.max, runs: six.runs } };
  } finally {
    closeCore(ctx);
  }
}
