import type { ExportedFile, ExportProgress } from '../../../shared/exports';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { exportInWorker } from '../exports/exportInWorker';
import { checkDocumentLanguages, checkJob, mimeTypes, printsPdf, stepsOf, type ExportJob, type Produced } from '../exports/exportJob';
import { writers } from '../exports/exportWriters';
import type { Handlers } from './handlers';

type ExportCommands =
  | 'export:outcomeCheck'
  | 'export:outcome'
  | 'export:agenda'
  | 'export:participants'
  | 'export:participation'
  | 'export:compilation'
  | 'export:progress';

// How far each export the UI started has got, by the id the UI chose; kept per open database.
const progressByCore = new WeakMap<CoreContext, Map<string, ExportProgress>>();
function runningExports(ctx: CoreContext): Map<string, ExportProgress> {
  let exports = progressByCore.get(ctx);
  if (!exports) {
    exports = new Map();
    progressByCore.set(ctx, exports);
  }
  if (exports.size > 100) exports.delete(exports.keys().next().value ?? ''); // a long day, bounded
  return exports;
}

/**
 * Runs one export: refuses what it can at once (unknown document, a language the forum does not
 * work in, a PDF with nothing to print it), composes the file in the export worker, prints PDFs here with the host's printer, and reports each phase under `exportId`.
 * Exports only read: nothing in the database changes, whatever happens.
 */
export async function runExport(ctx: CoreContext, job: ExportJob, exportId: string | undefined): Promise<ExportedFile> {
  const report = (progress: ExportProgress) => {
    if (exportId) runningExports(ctx).set(exportId, progress);
  };
  try {
    checkJob(ctx.db, job);
    // Before any work: a PDF with nothing to print it is refused at once.
    const printer = printsPdf(job) ? writers.requirePdfPrinter(ctx.pdfPrinter) : undefined;
    const produced: Produced = await exportInWorker(ctx, job, report);
    const steps = stepsOf(job);
    let bytes = produced.kind === 'file' ? produced.bytes : undefined;
    if (produced.kind === 'print' && printer) {
      report({ phase: 'printing', done: 3, total: steps });
      bytes = await printer(produced.html, produced.paper);
    }
    if (!bytes) throw new CoreError('pdf_unavailable', 'No PDF printer.');
    report({ phase: 'done', done: steps, total: steps });
    return { fileName: produced.fileName, mimeType: produced.kind === 'print' ? mimeTypes.pdf : produced.mimeType, data: Buffer.from(bytes).toString('base64'), bytes: bytes.length, savedTo: null };
  } catch (error) {
    if (exportId) runningExports(ctx).delete(exportId);
    throw error;
  }
}

/** Exports over the contract: files travel back as base64 so the renderer needs no file system. */
export const exportHandlers: Pick<Handlers, ExportCommands> = {
  'export:outcomeCheck': (ctx, input) => {
    checkDocumentLanguages(ctx.db, input.documentId, input.languages);
    return { missing: writers.missingTranslations(ctx.db, input.documentId, input.languages) };
  },
  'export:outcome': (ctx, { exportId, ...input }) => runExport(ctx, { kind: 'outcome', input }, exportId),
  'export:agenda': (ctx, { exportId, ...input }) => runExport(ctx, { kind: 'agenda', input }, exportId),
  'export:participants': (ctx, { exportId, ...input }) => runExport(ctx, { kind: 'participants', input }, exportId),
  'export:participation': (ctx, { exportId, ...input }) => runExport(ctx, { kind: 'participation', input }, exportId),
  'export:compilation': (ctx, { exportId, ...input }) => runExport(ctx, { kind: 'compilation', input }, exportId),
  'export:progress': (ctx, input) => runningExports(ctx).get(input.exportId) ?? null,
};
