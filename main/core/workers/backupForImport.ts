import type { CoreContext } from '../coreContext';
import { backupDatabase } from '../store/backupDatabase';

/**
 * The backup an import takes before it writes: SQLite's backup API on the main connection, in
 * steps that leave the event loop free between them, then the copy's integrity check on the
 * context's second thread when the copy is large. The check reads the whole file: 0.3 to 0.5 s
 * for the secretariat's database after one WUF evening, during which the main thread (the
 * desktop app's main process) answered no window. The import still waits for it: nothing is
 * written before a whole backup exists.
 */
export function backupForImport(ctx: CoreContext, backupDir: string | undefined, reason: string, checkHereUpTo?: number): Promise<string> {
  return backupDatabase(ctx.db, ctx.databasePath, backupDir, reason, {
    checkElsewhere: async (copy) => (await ctx.checker.run('backup:check', { copy })).problem ?? undefined,
    ...(checkHereUpTo === undefined ? {} : { checkHereUpTo }),
  });
}
