import type { ExportedFile } from '../../shared/exports';
import { closeCore, openCore } from '../../main/core/coreContext';
import { compilationDocx } from '../../main/core/exports/compilationDocx';
import { buildCompilationModel } from '../../main/core/exports/compilationModel';
import { setStance } from '../../main/core/store/stances';
import { seed } from './benchDrafting';
import { must, percentile, time } from './measure';

export interface CompilationFigures {
  paragraphs: number;
  amendments: number;
  stances: number;
  /** The whole export:compilation call, through the export worker. */
  worker: { medianMs: number; maxMs: number; bytes: number };
  /** In process: reading the model, then writing and zipping the DOCX. */
  modelMs: number;
  docxMs: number;
  htmlMs: number;
  markdownMs: number;
  runs: number;
}

/**
 * The drafting bench's 60-point document with 300 amendments (of every status) and 1,000 stances
 * with notes, exported as the compilation text in English: the DOCX through the export worker as
 * the app runs it, and the same split into reading the model and packing the file.
 */
export async function benchCompilation(dbPath: string, runs = 5): Promise<CompilationFigures> {
  const paragraphs = 60;
  const amendments = 300;
  const ctx = await openCore(dbPath);
  try {
    // The seed records 5 stances on each paragraph; 700 more, each with a note, make 1,000.
    const { documentId } = await seed(ctx, paragraphs, amendments, 600);
    const ids = ctx.db.prepare('SELECT id FROM outcome_paragraphs WHERE document_id = ? AND deleted = 0 ORDER BY position').pluck().all(documentId) as string[];
    ctx.db.transaction(() => {
      for (let i = 0; i < 700; i++) {
        const kind = (['support', 'objection', 'reservation'] as const)[i % 3] ?? 'support';
        setStance(ctx, ids[i % ids.length] ?? '', { participantId: null, name: `Delegation ${25 + Math.floor(i / ids.length)}` }, kind, `Note ${i} on the wording.`);
      }
    })();
    const stances = (ctx.db.prepare('SELECT count(*) FROM stances WHERE deleted = 0').pluck().get() as number) ?? 0;
    const amendmentCount = (ctx.db.prepare('SELECT count(*) FROM amendments WHERE deleted = 0').pluck().get() as number) ?? 0;
    const input = { documentId, format: 'docx', lang: 'en', amendments: 'all' };
    let bytes = 0;
    const worker: number[] = [];
    for (let run = 0; run < runs; run++) worker.push(await time(async () => (bytes = (await must<ExportedFile>(ctx, 'export:compilation', input)).bytes)));
    const model: number[] = [];
    const docx: number[] = [];
    for (let run = 0; run < runs; run++) {
      let built: ReturnType<typeof buildCompilationModel> | undefined;
      model.push(await time(() => (built = buildCompilationModel(ctx.db, { documentId, lang: 'en', amendments: 'all' }))));
      if (built) {
        const m = built;
        docx.push(await time(() => compilationDocx(m, 'a4')));
      }
    }
    const other = async (format: string) => {
      const ms: number[] = [];
      for (let run = 0; run < runs; run++) ms.push(await time(() => must<ExportedFile>(ctx, 'export:compilation', { ...input, format })));
      return percentile(ms, 0.5);
    };
    return {
      paragraphs: ids.length,
      amendments: amendmentCount,
      stances,
      worker: { medianMs: percentile(worker, 0.5), maxMs: Math.max(...worker), bytes },
      modelMs: percentile(model, 0.5),
      docxMs: percentile(docx, 0.5),
      htmlMs: await other('html'),
      markdownMs: await other('md'),
      runs,
    };
  } finally {
    closeCore(ctx);
  }
}
