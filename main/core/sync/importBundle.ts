import type { ImportPreview, ImportProgress } from '../../../shared/sync';
import type { CoreContext } from '../coreContext';
import { CoreError } from '../errors';
import { holdAheadMs, importBundles } from './importSession';

export type { ImportPreview, ImportProgress };
export { defaultHoldAheadMs, holdAheadMs } from './importSession';

export interface ImportResult extends ImportPreview {
  backupPath: string;
  /** The longest the import held the write lock in one transaction, in milliseconds. */
  longestLockMs: number;
  /** How many transactions it took: the screens' saves ran between them. */
  transactions: number;
}

export interface ImportOptions {
  trustNewDevice: boolean;
  confirmMassChanges?: boolean;
  applyHeld?: boolean;
  backupDir?: string;
  now?: number;
  onProgress?: (progress: ImportProgress) => void;
}

/** What importing would do, computed in the worker without writing anything. */
export async function previewBundle(ctx: CoreContext, bytes: Uint8Array, now = Date.now()): Promise<ImportPreview> {
  const plan = await ctx.worker.run('bundle:plan', { bytes, now, holdAheadMs: holdAheadMs(ctx), applyHeld: false });
  return plan.preview;
}

/**
 * Imports one bundle: a session of one (see importBundles), its refusal thrown with its reason.
 * Importing the same bundle again, or bundles in any order, gives the same state.
 */
export async function importBundle(ctx: CoreContext, bytes: Uint8Array, options: ImportOptions): Promise<ImportResult> {
  const { trustNewDevice, ...rest } = options;
  const session = await importBundles(ctx, [{ name: 'bundle', bytes }], { ...rest, trust: trustNewDevice });
  const [outcome] = session.bundles;
  if (!outcome) throw new CoreError('internal', 'The import answered nothing.');
  if (outcome.status === 'refused') throw new CoreError(outcome.error.code, outcome.error.message, outcome.error.issues);
  return { ...outcome.preview, backupPath: session.backupPath ?? '', longestLockMs: session.longestLockMs, transactions: session.transactions };
}
