import type { ExportedFile } from '../../shared/exports';
import { closeCore, openCore } from '../../main/core/coreContext';
import { exportThreads } from '../../main/core/exports/exportInWorker';
import { seed } from './benchDrafting';
import { must, percentile, time } from './measure';

export interface ExportFigures {
  paragraphs: number;
  languages: number;
  amendments: number;
  formats: Array<{ label: string; medianMs: number; maxMs: number; runs: number; bytes: number }>;
}

const languages = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];

/**
 * The drafting bench's 60-point document in the six UN languages, exported in parallel columns
 * with both annexes: DOCX clean and with amendments, and PDF printed by Chromium from the same
 * print-styled HTML. Each runs in the export thread the last export left waiting, as the app's
 * exports after its first do; the first, in a thread of its own, is measured on its own.
 */
export async function benchExports(dbPath: string, runs = 5): Promise<ExportFigures> {
  const paragraphs = 60;
  const amendments = 120;
  const ctx = await openCore(dbPath);
  try {
    const { documentId } = await seed(ctx, paragraphs, amendments, 600);
    const input = (format: string, variant: string) => ({
      documentId,
      format,
      languages,
      variant,
      annexes: { participation: true, provenance: true },
      fallback: true,
      paper: 'a4',
    });
    const measure = async (label: string, format: string, variant: string, count: number, newThread = false) => {
      let bytes = 0;
      const ms: number[] = [];
      for (let run = 0; run < count; run++) {
        // The first export after the app starts (or after the kept thread's two idle minutes).
        if (newThread) await exportThreads(ctx).endIdle();
        ms.push(await time(async () => (bytes = (await must<ExportedFile>(ctx, 'export:outcome', input(format, variant))).bytes)));
      }
      return { label, medianMs: percentile(ms, 0.5), maxMs: Math.max(...ms), runs: count, bytes };
    };
    const formats = [
      await measure('DOCX, clean, in a new thread', 'docx', 'clean', 3, true),
      await measure('DOCX, clean', 'docx', 'clean', runs),
      await measure('DOCX, with amendments (tracked changes)', 'docx', 'amendments', runs),
      await measure('PDF in Chromium, clean', 'pdf', 'clean', 3),
      await measure('HTML, clean', 'html', 'clean', runs),
      await measure('Markdown, clean', 'md', 'clean', runs),
    ];
    return { paragraphs, languages: languages.length, amendments, formats };
  } finally {
    closeCore(ctx);
  }
}
