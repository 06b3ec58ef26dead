import type { PlenaryApi } from '../../../../shared/ipc';
import type { AppError } from '../../../../shared/result';
import type { ImportProgress, SessionOutcome } from '../../../../shared/sync';
import { bytesToBase64 } from '../../api/base64';
import { importedForums, sessionResults, splitDuplicates, type BundleResult, type DuplicateFile } from './sessionSummary';

export interface SessionFile {
  name: string;
  data: string;
}

/**
 * An import session (a USB stick of bundles): chosen files, their preview,
 * the user's choices, the running import's progress and its results. It lives here, outside any
 * component, so the import goes on and its progress is still there when the user goes to another
 * screen and comes back.
 */
export interface BundleSessionState {
  step: 'empty' | 'reading' | 'checking' | 'preview' | 'importing' | 'done';
  files: SessionFile[];
  duplicates: DuplicateFile[];
  previews: SessionOutcome[];
  trust: string[];
  confirmMassChanges: boolean;
  applyHeld: boolean;
  progress?: ImportProgress;
  results?: BundleResult[];
  error?: AppError;
}

const empty: BundleSessionState = { step: 'empty', files: [], duplicates: [], previews: [], trust: [], confirmMassChanges: false, applyHeld: false };

/** The commands a session uses, from whichever transport the app has. */
export type SessionApi = Pick<PlenaryApi, 'bundles:preview' | 'bundles:import' | 'bundle:progress'>;

export type BundleSession = ReturnType<typeof createBundleSession>;

/** A session store over `api`; the app keeps one for its window (`bundleSession`). */
export function createBundleSession(api: SessionApi, pollMs = 250) {
  let state = empty;
  const listeners = new Set<() => void>();
  const importListeners = new Set<(forumIds: string[]) => void>();
  // Answers to a session the user has since cleared or replaced are dropped.
  let generation = 0;

  function set(patch: Partial<BundleSessionState>): void {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  }

  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get: (): BundleSessionState => state,

    /** Told the forums a finished import changed, so the screens showing them read again. */
    onImported(listener: (forumIds: string[]) => void): () => void {
      importListeners.add(listener);
      return () => importListeners.delete(listener);
    },

    /** Adds files to the session being previewed (or starts a new one) and previews them all at once. */
    async choose(chosen: readonly File[]): Promise<void> {
      if (chosen.length === 0 || state.step === 'reading' || state.step === 'checking' || state.step === 'importing') return;
      const keep = state.step === 'preview' ? state : empty;
      const run = ++generation;
      set({ ...empty, step: 'reading', trust: keep.trust });
      let read: SessionFile[];
      try {
        read = await Promise.all(chosen.map(async (file) => ({ name: file.name, data: bytesToBase64(new Uint8Array(await file.arrayBuffer())) })));
      } catch (error) {
        if (run === generation) set({ ...keep, step: keep.step, error: { code: 'bundle_rejected', message: `A file could not be read: ${(error as Error).message}` } });
        return;
      }
      if (run !== generation) return;
      const { unique, duplicates } = splitDuplicates([...keep.files, ...read]);
      set({ step: 'checking', files: unique, duplicates: [...keep.duplicates, ...duplicates], progress: undefined });
      // A whole forum in one file takes seconds to check: the bar follows it as the import's does.
      const importId = crypto.randomUUID();
      const poll = setInterval(() => {
        void api['bundle:progress']({ importId }).then((answer) => {
          if (run === generation && state.step === 'checking' && answer.ok && answer.value) set({ progress: answer.value });
        });
      }, pollMs);
      const answer = await api['bundles:preview']({ files: unique, importId }).finally(() => clearInterval(poll));
      if (run !== generation) return;
      if (answer.ok) set({ step: 'preview', previews: answer.value.bundles });
      else set({ step: 'preview', previews: [], error: answer.error });
    },

    setTrusted(deviceId: string, trusted: boolean): void {
      set({ trust: trusted ? [...new Set([...state.trust, deviceId])] : state.trust.filter((id) => id !== deviceId) });
    },
    setConfirmMassChanges: (yes: boolean) => set({ confirmMassChanges: yes }),
    setApplyHeld: (yes: boolean) => set({ applyHeld: yes }),

    /** Imports the previewed files in one session, asking the core how it goes while it runs. */
    async start(): Promise<void> {
      if (state.step !== 'preview' || state.files.length === 0) return;
      const run = ++generation;
      const importId = crypto.randomUUID();
      const bundles = state.files.length;
      const { files, previews, trust, duplicates } = state;
      set({ step: 'importing', error: undefined, progress: { phase: 'verify', done: 0, total: bundles, bundle: 1, bundles } });
      const poll = setInterval(() => {
        void api['bundle:progress']({ importId }).then((answer) => {
          if (run === generation && state.step === 'importing' && answer.ok && answer.value) set({ progress: answer.value });
        });
      }, pollMs);
      const answer = await api['bundles:import']({ files, trust, confirmMassChanges: state.confirmMassChanges, applyHeld: state.applyHeld, importId });
      clearInterval(poll);
      if (run !== generation) return;
      if (!answer.ok) return set({ step: 'preview', error: answer.error });
      const results = sessionResults(answer.value.bundles, previews, trust, duplicates);
      // The data is no longer needed: a stick's worth of base64 is not kept for the rest of the day.
      set({ step: 'done', files: [], results, progress: { phase: 'done', done: 0, total: 0, bundle: bundles, bundles } });
      const forums = importedForums(results);
      if (forums.length > 0) for (const listener of importListeners) listener(forums);
    },

    /** Forgets the session (not while an import runs: that one finishes and reports). */
    clear(): void {
      if (state.step === 'importing') return;
      generation++;
      set(empty);
    },
  };
}
