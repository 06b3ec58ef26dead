import { createHash } from 'node:crypto';
import type { ErrorCode } from '../../../shared/result';
import { CoreError } from '../errors';
import type { JobProgress } from '../workers/workerJobs';
import type { ReadContext } from '../workers/readContext';
import { planBundleImport, type BundlePlan } from './planBundleImport';
import { dataVersion, plansAhead } from './plansAhead';
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

/** Where planning a session stands: the view with what earlier bundles bring, and the files read. */
export interface SessionPlanning {
  view: PlanView;
  /** Digest → the name of the first file with those bytes: a second is the same file again. */
  seen: Map<string, string>;
}

/**
 * Plans a session's bundles (a USB stick full) one after another, each against the database as
 * the ones before it will leave it, and hands each plan over as soon as it is made: the main
 * connection applies one while the next is read and checked here. A bundle that is damaged,
 * from a laptop not trusted, or too sweeping without a yes, is reported and the others go on.
 *
 * A preview keeps what it read for the import that follows, and once it has answered, plans that
 * import ahead while the user reads it (plansAhead.ts). The import takes the plans made ahead when
 * the database has not changed since and its consent covers them all, and plans the rest, if the
 * click came first, from where the plans ahead stopped.
 */
export function planBundleSession(read: ReadContext, input: SessionPlanInput, progress: (p: JobProgress) => void, item: (item: SessionPlanItem) => void): { planned: number } {
  const digests = input.files.map((file) => createHash('sha256').update(file.bytes).digest('hex'));
  const key = sessionKey(digests, input);
  const preview = input.consent === undefined;
  let start = 0;
  let planning: SessionPlanning = { view: new PlanView(read, emptyOverlay()), seen: new Map() };
  let planned = 0;
  plansAhead.unschedule();
  if (preview) {
    verifiedBundles.keepOnly(new Set(digests));
    plansAhead.clear();
  } else {
    // Made without the held changes: an import that applies them plans afresh.
    if (input.applyHeld) plansAhead.clear();
    const ahead = input.applyHeld ? undefined : plansAhead.take(key, dataVersion(read.db));
    if (ahead && ahead.items.every((made) => consentCovers(made, input.consent))) {
      for (const digest of digests.slice(0, ahead.next)) verifiedBundles.forget(digest);
      for (const made of ahead.items) item(made);
      planned = ahead.items.filter((made) => 'plan' in made).length;
      start = ahead.next;
      planning = ahead;
    }
  }
  for (let index = start; index < input.files.length; index++) {
    if (planOne(planning, input, digests, index, preview, item, progress)) planned += 1;
  }
  if (preview) plansAhead.schedule((stop) => planAhead(read, input, digests, key, stop));
  return { planned };
}

/** Plans the file at `index`, or says why it will not go in; `keep`: leave what was read for an import to come. */
function planOne(
  planning: SessionPlanning,
  input: SessionPlanInput,
  digests: readonly string[],
  index: number,
  keep: boolean,
  item: (item: SessionPlanItem) => void,
  progress: (p: JobProgress) => void,
): boolean {
  const file = input.files[index];
  const digest = digests[index] ?? '';
  if (!file) return false;
  // A stick often holds the same file twice (copied again, or under a new name): it is read once.
  const first = planning.seen.get(digest);
  if (first !== undefined) {
    item({ index, error: { code: 'bundle_duplicate', message: `“${file.name}” is the same file as “${first}”; it was read once.` } });
    return false;
  }
  planning.seen.set(digest, file.name);
  try {
    const plan = planBundleImport(
      planning.view,
      {
        bytes: file.bytes,
        now: input.now,
        holdAheadMs: input.holdAheadMs,
        applyHeld: input.applyHeld,
        ...(input.consent ? { consent: { trustNewDevice: input.consent.trust, confirmMassChanges: input.consent.confirmMassChanges } } : {}),
      },
      (p) => progress({ ...p, item: index }),
      (bytes, onRead) => verifiedBundles.read(digest, bytes, keep, onRead),
    );
    item({ index, plan });
    return true;
  } catch (error) {
    if (error instanceof PlanStopped) {
      planning.seen.delete(digest);
      throw error;
    }
    item({ index, error: error instanceof CoreError ? { code: error.code, message: error.message } : { code: 'internal', message: (error as Error).message } });
    return false;
  }
}

/** Thrown by the plans ahead's progress when a job waits: the bundle is planned again by the import. */
class PlanStopped extends Error {}

/**
 * The plans ahead: the import's, with every yes assumed, against the database as it stands, a
 * bundle at a time so that a job sent meanwhile (the click on Import) stops them between two.
 * They read through the kept bundles without taking them: if the database changes meanwhile,
 * the import reads them from there as it would have.
 */
async function planAhead(read: ReadContext, input: SessionPlanInput, digests: readonly string[], key: string, stop: () => boolean): Promise<void> {
  // Begun only once nobody clicked at once (a script does): work stopped early is work wasted.
  await new Promise((resolve) => setTimeout(resolve, startAfterMs));
  const before = dataVersion(read.db);
  const assumed: SessionPlanInput = { ...input, applyHeld: false, consent: { trust: true, confirmMassChanges: true } };
  const planning: SessionPlanning = { view: new PlanView(read, emptyOverlay()), seen: new Map() };
  const items: SessionPlanItem[] = [];
  // The plans' text, as the budget counts it: what they hold is mostly the changes' own.
  let chars = 0;
  let next = 0;
  // A bundle may stop between its steps, while its plan has changed nothing the next one sees
  // (a plan records what it brings as its last step): a whole forum's takes over a second.
  const stopBetween = (p: JobProgress) => {
    if ((p.phase === 'verify' || p.done < p.total) && stop()) throw new PlanStopped();
  };
  for (; next < input.files.length && !stop(); next++) {
    try {
      planOne(planning, assumed, digests, next, true, (made) => items.push(made), stopBetween);
    } catch (error) {
      if (error instanceof PlanStopped) break;
      throw error;
    }
    const made = items.at(-1);
    if (made && 'plan' in made) {
      // What is held back for a clock far ahead is decided at the import's own time.
      if (made.plan.preview.skew.changes > 0 || made.plan.preview.held.changes > 0) return;
      chars += made.plan.changes.text.length + made.plan.newRows.text.length;
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  if (dataVersion(read.db) !== before) return;
  plansAhead.keep({ key, dataVersion: before, items, next, ...planning }, chars);
}

/** How long after the preview's answer the plans ahead begin; a person takes longer to click. */
const startAfterMs = 50;

/** Whether the import's consent lets this bundle in as the plans ahead assumed it would. */
function consentCovers(made: SessionPlanItem, consent: SessionPlanInput['consent']): boolean {
  if (!('plan' in made)) return true;
  const { device, massChanges } = made.plan.preview;
  const trust = consent?.trust;
  const trusted = trust === true || (Array.isArray(trust) && trust.includes(device.id));
  if (device.status === 'unknown' && !trusted) return false;
  return massChanges.length === 0 || consent?.confirmMassChanges === true;
}

const sessionKey = (digests: readonly string[], input: SessionPlanInput): string => `${input.holdAheadMs}\u0000${digests.join('\u0000')}`;
