import type { XliffExportOutput, XliffImportOutput, XliffPreview } from '../../../shared/xliff';
import type { CoreContext } from '../coreContext';
import { backupDatabase } from '../store/backupDatabase';
import { writeRow } from '../store/changeLog';
import { oneImportAtATime } from '../sync/oneImportAtATime';
import type { XliffPlan } from './planXliffImport';
import type { XliffExportRequest } from './composeXliff';
import { sourceHash } from './xliffUnits';

/** Composed in the worker thread: an agenda of 500 sessions should not hold up a window. */
export function exportXliff(ctx: CoreContext, input: XliffExportRequest): Promise<XliffExportOutput> {
  return ctx.worker.run('xliff:export', input);
}

/** What importing the file would do, read and planned in the worker; nothing is written. */
export async function previewXliff(ctx: CoreContext, input: { forumId: string; xml: string }): Promise<XliffPreview> {
  return (await ctx.worker.run('xliff:plan', input)).preview;
}

/**
 * Reads and plans in the worker, then (when there is anything to write) backs up and writes
 * every translation through the change log in one transaction. A cell whose source changed
 * between the plan and the write is kept aside like those that changed since the export.
 */
export function importXliff(ctx: CoreContext, input: { forumId: string; xml: string }, options: { backupDir?: string } = {}): Promise<XliffImportOutput> {
  return oneImportAtATime(ctx, async () => {
    const plan: XliffPlan = await ctx.worker.run('xliff:plan', input);
    const preview = { ...plan.preview, changedIds: [...plan.preview.changedIds] };
    if (plan.writes.length === 0) return { ...preview, written: 0 };
    await backupDatabase(ctx.db, ctx.databasePath, options.backupDir, 'before-xliff-import');
    const lang = preview.lang;
    const sourceLanguage = preview.sourceLanguage;
    let written = 0;
    ctx.db.transaction(() => {
      for (const write of plan.writes) {
        const row = ctx.db.prepare(`SELECT ${write.column} AS text FROM ${write.table} WHERE id = ?`).get(write.rowId) as { text: string } | undefined;
        const stored = row ? (JSON.parse(row.text) as Record<string, string>) : {};
        if (sourceHash(stored[sourceLanguage] ?? '') !== write.sourceHash) {
          preview.translated -= 1;
          preview.changed += 1;
          preview.changedIds.push(`${write.table}.${write.column}.${write.rowId}`);
          continue;
        }
        if (stored[lang] === write.text) continue;
        writeRow(ctx, write.table, write.rowId, { [write.column]: { [lang]: write.text } });
        written += 1;
      }
    })();
    return { ...preview, written };
  });
}
