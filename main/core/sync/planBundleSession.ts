import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../../shared/result';
import { CoreError } from '../errors';
import type { JobProgress } from '../workers/workerJobs';
import type { ReadContext } from '../workers/readContext';
import { planBundleImport, type BundlePlan } from './planBundleImport';
import { emptyOverlay, PlanView } from './planView';
import { verifiedBundles } from './verifiedBundles';

export interface SessionPlanInput {
  files: Array<{ name: string; bytes: Uint8Array }>;
  /** The main thread's wall clock when the import was asked for. */
  now: number;
  holdAheadMs: number;
  applyHeld: boolean;
  /** What the user agreed to; without it only previews are made. */
  consent?: { trust: boolean | readonly string[]; confirmMassChanges: boolean };
}

/** One bundle's plan, or why it will not go in; sent as soon as it is ready. */
export type SessionPlanItem = { index: number; plan: BundlePlan } | { index: number; error: { code: ErrorCode; message: string } };

/**
 * Plans a session's bundles (a USB stick full) one after another, each against the database as
 * the ones before it will leave it, and hands each plan over as soon as it is made: the main
 * connection applies one while the next is read and checked here. A bundle that is damaged,
 * from a laptop not trusted, or too sweeping without a yes, is reported and the others go on.
 */
export function planBundleSession(read: ReadContext, input: SessionPlanInput, progress: (p: JobProgress) => void, item: (item: SessionPlanItem) => void): { planned: number } {
  const view = new PlanView(read, emptyOverlay());
  let planned = 0;
  const digests = input.files.map((file) => createHash('sha256').update(file.bytes).digest('hex'));
  // A preview keeps what it verified for the import that follows; an import takes it.
  const preview = input.consent === undefined;
  if (preview) verifiedBundles.keepOnly(new Set(digests));
  // A stick often holds the same file twice (copied again, or under a new name): it is read once.
  const seen = new Map<string, string>();
  input.files.forEach((file, index) => {
    const digest = digests[index] ?? '';
    const first = seen.get(digest);
    if (first !== undefined) {
      item({ index, error: { code: 'bundle_duplicate', message: `“${file.name}” is the same file as “${first}”; it was read once.` } });
      return;
    }
    seen.set(digest, file.name);
    try {
      const plan = planBundleImport(
        view,
        {
          bytes: file.bytes,
          now: input.now,
          holdAheadMs: input.holdAheadMs,
          applyHeld: input.applyHeld,
          ...(input.consent ? { consent: { trustNewDevice: input.consent.trust, confirmMassChanges: input.consent.confirmMassChanges } } : {}),
        },
        (p) => progress({ ...p, item: index }),
        (bytes, onRead) => verifiedBundles.read(digest, bytes, preview, onRead),
      );
      planned += 1;
      item({ index, plan });
    } catch (error) {
      item({ index, error: error instanceof CoreError ? { code: error.code, message: error.message } : { code: 'internal', message: (error as Error).message } });
    }
  });
  return { planned };
}
