import type { XliffExportOutput, XliffImportOutput, XliffPreview } from '../../../shared/xliff';
import type { CoreContext } from '../coreContext';
import { backupForImport } from '../workers/backupForImport';
import { cachedStatement } from '../store/cachedStatement';
import { writeRow } from '../store/changeLog';
import { oneImportAtATime } from '../sync/oneImportAtATime';
import type { XliffPlan, XliffWrite } from './planXliffImport';
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
    await backupForImport(ctx, options.backupDir, 'before-xliff-import');
    const lang = preview.lang;
    const sourceLanguage = preview.sourceLanguage;
    let written = 0;
    // One write per row with every translated column (a session's title, room and description
    // together): a third of the log entries, and of the search-index updates, of a write per cell.
    const rows = new Map<string, { table: XliffWrite['table']; rowId: string; values: Record<string, Record<string, string>> }>();
    ctx.db.transaction(() => {
      for (const write of plan.writes) {
        const row = cachedStatement(ctx.db, `SELECT ${write.column} AS text FROM ${write.table} WHERE id = ?`).get(write.rowId) as { text: string } | undefined;
        const stored = row ? (JSON.parse(row.text) as Record<string, string>) : {};
        if (sourceHash(stored[sourceLanguage] ?? '') !== write.sourceHash) {
          preview.translated -= 1;
          preview.changed += 1;
          preview.changedIds.push(`${write.table}.${write.column}.${write.rowId}`);
          continue;
        }
        if (stored[lang] === write.text) continue;
        const key = `${write.table}/${write.rowId}`;
        const entry = rows.get(key) ?? { table: write.table, rowId: write.rowId, values: {} };
        entry.values[write.column] = { [lang]: write.text };
        rows.set(key, entry);
        written += 1;
      }
      for (const { table, rowId, values } of rows.values()) writeRow(ctx, table, rowId, values);
    })();
    return { ...preview, written };
  });
}
