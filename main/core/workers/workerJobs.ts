import type { ParticipantImportPreview } from '../../../shared/participantImport';
import type { FieldIssue, ErrorCode } from '../../../shared/result';
import { CoreError } from '../errors';
import { planParticipantImport, previewParticipantImport, type ParticipantPlan, type ParticipantPlanRequest } from '../participants/planParticipantImport';
import { composeBundle, type ComposeRequest, type ComposedBundle } from '../sync/composeBundle';
import { planBundleImport, type BundlePlan, type BundlePlanInput } from '../sync/planBundleImport';
import { planBundleSession, type SessionPlanInput, type SessionPlanItem } from '../sync/planBundleSession';
import type { ReadContext } from './readContext';
import { integrityProblem } from '../store/integrityProblem';
import { composeXliff, type XliffExportRequest } from '../xliff/composeXliff';
import { planXliffImport, type XliffPlan } from '../xliff/planXliffImport';
import type { XliffExportOutput } from '../../../shared/xliff';

/**
 * The work a worker does for the main connection: read, parse, verify and plan. Each job
 * answers with a plan the main connection applies (or a preview it shows), never with writes.
 */
export interface WorkerJobs {
  'bundle:plan': { input: BundlePlanInput; output: BundlePlan };
  /** A USB stick of bundles: one plan per bundle, sent as each is ready (items). */
  'bundles:plan': { input: SessionPlanInput; output: { planned: number }; item: SessionPlanItem };
  'participants:preview': { input: ParticipantPlanRequest; output: ParticipantImportPreview };
  'participants:plan': { input: ParticipantPlanRequest; output: ParticipantPlan };
  /** A bundle's changes read, written as lines and deflated; the main thread signs them. */
  'bundle:compose': { input: ComposeRequest; output: ComposedBundle };
  'xliff:export': { input: XliffExportRequest; output: XliffExportOutput };
  'xliff:plan': { input: { forumId: string; xml: string }; output: XliffPlan };
  /** SQLite's integrity check of a backup copy (the file named); the first problem, or null. */
  'backup:check': { input: { copy: string }; output: { problem: string | null } };
}
export type WorkerJobName = keyof WorkerJobs;

/** How far a job has come, for a progress bar: phase, and units done out of a total. */
export interface JobProgress {
  phase: string;
  done: number;
  total: number;
  /** In a job of several items (a session's bundles): the one this is about, from 0. */
  item?: number;
}

export type WorkerRequest = { id: number; name: WorkerJobName; input: unknown };
export type WorkerReply =
  | { id: number; progress: JobProgress }
  | { id: number; item: unknown }
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] };

/** What a job may send before it ends: progress, and for streaming jobs their items. */
export type JobItem<K extends WorkerJobName> = WorkerJobs[K] extends { item: infer I } ? I : never;

/**
 * What a job runs against: the read-only connection, opened when a job first asks for it (a
 * backup's check reads a file of its own, and needs no device), and the native SQLite build.
 */
export interface WorkerEnv {
  read(): ReadContext;
  nativeBinding: string | undefined;
}

type JobHandlers = {
  [K in WorkerJobName]: (
    env: WorkerEnv,
    input: WorkerJobs[K]['input'],
    progress: (p: JobProgress) => void,
    item: (item: JobItem<K>) => void,
  ) => Promise<WorkerJobs[K]['output']> | WorkerJobs[K]['output'];
};

const jobHandlers: JobHandlers = {
  'bundle:plan': (env, input, progress) => planBundleImport(env.read(), input, progress),
  'bundles:plan': (env, input, progress, item) => planBundleSession(env.read(), input, progress, item),
  'participants:preview': (env, input) => previewParticipantImport(env.read(), input),
  'participants:plan': (env, input) => planParticipantImport(env.read(), input),
  'bundle:compose': (env, input) => composeBundle(env.read().db, input),
  'xliff:export': (env, input) => composeXliff(env.read().db, input),
  'xliff:plan': (env, input) => planXliffImport(env.read().db, input.forumId, input.xml),
  'backup:check': (env, input) => ({ problem: integrityProblem(input.copy, env.nativeBinding) ?? null }),
};

/**
 * Runs one job and turns any outcome into a reply, a failure to open the connection included (so
 * the job is answered, and the thread takes the next one).
 */
export async function runWorkerJob(env: WorkerEnv, request: WorkerRequest, post: (reply: WorkerReply) => void): Promise<void> {
  const handler = jobHandlers[request.name] as (e: WorkerEnv, i: unknown, p: (p: JobProgress) => void, it: (item: unknown) => void) => unknown;
  try {
    if (!handler) throw new CoreError('internal', `Unknown worker job ${String(request.name)}.`);
    const output = await handler(
      env,
      request.input,
      (progress) => post({ id: request.id, progress }),
      (item) => post({ id: request.id, item }),
    );
    post({ id: request.id, ok: true, output });
  } catch (error) {
    if (error instanceof CoreError) {
      post({ id: request.id, ok: false, code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) });
    } else {
      post({ id: request.id, ok: false, code: 'internal', message: (error as Error).message });
    }
  }
}
