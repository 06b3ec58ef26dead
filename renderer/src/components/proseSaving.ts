// The words of saving prose as it is typed (see ProseSaver): what a save asks, how a kind of
// text is sent, and where a draft stands.
import type { AppError, Result } from '../../../shared/result';

export type SaveState = 'saved' | 'saving' | 'retrying' | 'rejected';
export interface SaveStatus {
  state: SaveState;
  /** Why the last save was refused (state `rejected`), or why it failed (`retrying`). */
  error?: AppError;
}
/** One draft's status; `edited` is false until something was typed into it on this page. */
export interface DraftStatus extends SaveStatus {
  edited: boolean;
}

export type FieldName<F> = Extract<keyof F, string>;

/** One request: create the row (with the draft's id as its id) or write the fields that changed. */
export interface SaveRequest<F> {
  id: string;
  fields: Readonly<F>;
  created: boolean;
  /** Changed since the last save that landed; for a row not created yet, every field. */
  changed: ReadonlySet<FieldName<F>>;
}

/** What a kind of text is saved with: its command, and its rules for what may go when. */
export interface ProseTarget<F, S> {
  /** Never throws: the real API answers every failure with a result. */
  send(request: SaveRequest<F>): Promise<Result<S>>;
  /** A row not created yet waits until this holds (a note for its first character). Default: at once. */
  ready?(fields: Readonly<F>): boolean;
  /** A changed field that may not go yet (a note's text while blank). Default: none. */
  held?(field: FieldName<F>, fields: Readonly<F>): boolean;
  /** Worth a local copy although not ready to send (an amendment typed but not yet proposed). */
  keep?(fields: Readonly<F>): boolean;
}

export interface ProseSaverOptions {
  /** Local copies go under `copyPrefix + id`: the prefix names the forum and table, the id the row and cell. */
  copyPrefix: string;
  debounceMs?: number;
  /**
   * Runs each request. A screen that also changes the same rows another way (a status, a move)
   * passes its own queue, so one request at a time holds for all of them and answers land in order.
   */
  lane?: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface OpenOptions<S> {
  /** The row exists in the core: edits are updates. Implied by `saved`. */
  created?: boolean;
  /** The core's last answer for the row. */
  saved?: S;
  startedAt?: string;
}

/** A text being edited, as the saver keeps it until it lands. */
export interface Draft<F, S> {
  id: string;
  fields: F;
  created: boolean;
  /** Changed since the last save that succeeded, and not being sent right now. */
  changed: Set<FieldName<F>>;
  inFlight: Set<FieldName<F>>;
  rejected?: AppError | undefined;
  /** Dropped from memory once saved: off the screen. */
  released: boolean;
  edited: boolean;
  startedAt: string;
  saved?: S | undefined;
  status: DraftStatus;
}
