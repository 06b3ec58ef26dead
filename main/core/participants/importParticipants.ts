import { randomUUID } from 'node:crypto';
import type { ParticipantImportPreview } from '../../../shared/participantImport';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { applyInChunks, type ChunkStats } from '../store/applyInChunks';
import { discardBackup } from '../store/backupDatabase';
import { backupForImport } from '../workers/backupForImport';
import { searchDeferralPerSlice } from '../store/searchIndexes';
import { writeRows } from '../store/writeRows';
import { describeWriteFailure } from '../sync/describeWriteFailure';
import { undoImport } from '../sync/rollBackImport';
import { endJournal, journalled, type ImportJournal } from '../sync/importJournal';
import { oneImportAtATime } from '../sync/oneImportAtATime';
import { participantListVersion, type ImportRequest, type ImportResult, type ParticipantPlan } from './planParticipantImport';

export type { ImportRequest, ImportResult };

/** What importing the file would do, worked out in the worker, changing nothing. */
export function previewImport(ctx: CoreContext, request: ImportRequest): Promise<ParticipantImportPreview> {
  return ctx.worker.run('participants:preview', { request });
}

/**
 * Imports every row or none. The worker reads and checks the file and plans the writes against
 * the list; if the list changed while it worked, it plans again. Then a backup, and the main
 * connection writes the plan through the change log in short transactions, so a keystroke's save
 * never waits behind 25,000 people. A failure in a later slice rolls the earlier ones back.
 */
export function importParticipants(ctx: CoreContext, request: ImportRequest, options: { backupDir?: string; onChunks?: (stats: ChunkStats) => void } = {}): Promise<ImportResult> {
  // Requests after this one, while the worker plans too, shorten the write slices (sliceBudget.ts).
  const since = performance.now();
  return oneImportAtATime(ctx, async () => {
    let plan = await ctx.worker.run('participants:plan', { request });
    if (plan.listVersion !== participantListVersion(ctx)) plan = await ctx.worker.run('participants:plan', { request });
    const backup = await backupForImport(ctx, options.backupDir, 'before-participant-import');
    const journal: ImportJournal = { id: randomUUID(), kind: 'participants', ranges: [] };
    try {
      const stats = await applyParticipantPlan(ctx, plan, journal, since);
      options.onChunks?.(stats);
      return plan.result;
    } catch (error) {
      undoImport(ctx.db, journal);
      // Rolled back: the database is as the backup has it, which is no longer worth keeping.
      discardBackup(backup);
      if (error instanceof CoreError) throw error;
      const why = describeWriteFailure(error, 'Participant import');
      throw new CoreError('internal', `The participant import stopped before it finished (${why}) and was undone; nothing was imported.`);
    }
  });
}

/** Writes a plan's participants through the log, a slice per transaction, each slice one batch. */
function applyParticipantPlan(ctx: CoreContext, plan: ParticipantPlan, journal: ImportJournal, since: number): Promise<ChunkStats> {
  // The plan writes each row once, so a slice's batches share one search deferral (one fill).
  const search = searchDeferralPerSlice(ctx.db);
  return applyInChunks(ctx.db, {
    total: plan.writes.length,
    applyRange(from, to) {
      journalled(ctx.db, journal, () => {
        search.open();
        writeRows(ctx, 'participants', plan.writes.slice(from, to));
      });
    },
    endSlice: search.endSlice,
    abandonSlice: search.abandonSlice,
    finish() {
      endJournal(ctx.db, journal.id);
    },
  }, { since });
}
