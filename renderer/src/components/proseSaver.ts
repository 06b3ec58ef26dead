import type { AppError, ErrorCode, Result } from '../../../shared/result';
import { ProseCopies, type ProseCopy } from './proseCopies';
import type { Draft, DraftStatus, FieldName, OpenOptions, ProseSaverOptions, ProseTarget, SaveRequest, SaveStatus } from './proseSaving';

const retryDelays = [500, 1000, 2000, 4000, 5000];
/** Sending the same again would be refused again: such a draft waits for the next edit. */
const refusals = new Set<ErrorCode>(['invalid_input', 'not_found', 'payload_too_large']);
const untouched: DraftStatus = Object.freeze({ state: 'saved', edited: false });
const sameStatus = (a: DraftStatus, b: DraftStatus) => a.state === b.state && a.error === b.error && a.edited === b.edited;

/**
 * Saves text as it is typed, for every kind of prose (notes, key messages, paragraphs,
 * amendments): every edit restarts a short wait, then the latest text goes to the core, one
 * request at a time, so the core always receives a draft's texts in the order they were typed and
 * each edit replaces the one before it. A failed save keeps its changes, is copied to local
 * storage and is retried (waiting longer each time) until it lands; a refused one waits for the
 * next edit. Subscribers are told only when something they show changes.
 */
export class ProseSaver<F extends object, S> {
  private drafts = new Map<string, Draft<F, S>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private lastError: AppError | undefined;
  private running: Promise<void> = Promise.resolve();
  private busy = false;
  private rerun = false;
  private status: SaveStatus = { state: 'saved' };
  private statusListeners = new Set<() => void>();
  private draftListeners = new Set<(id: string) => void>();
  private savedListeners = new Set<(id: string, saved: S, fields: Readonly<F>) => void>();
  private readonly copies: ProseCopies<F>;
  private readonly debounceMs: number;
  private readonly lane: <T>(task: () => Promise<T>) => Promise<T>;

  constructor(
    private readonly target: ProseTarget<F, S>,
    storage: Storage | undefined,
    options: ProseSaverOptions,
  ) {
    this.copies = new ProseCopies<F>(storage, options.copyPrefix);
    this.debounceMs = options.debounceMs ?? 300;
    this.lane = options.lane ?? ((task) => task());
  }

  /** Starts a draft, or takes back one still on its way (a field shown again before it was saved). */
  open(id: string, fields: F, options: OpenOptions<S> = {}): void {
    const draft = this.drafts.get(id);
    if (draft) {
      draft.released = false;
      return;
    }
    this.drafts.set(id, this.draft(id, fields, options.created ?? options.saved !== undefined, options.saved, options.startedAt));
  }

  /**
   * Takes back a stored copy of unsaved text (after a reload or a crash) and sends it. A draft this
   * page has typed into since wins over the copy.
   */
  adopt(copy: ProseCopy<F>, saved?: S): void {
    const existing = this.drafts.get(copy.id);
    if (existing && (existing.edited || this.pending(existing))) return;
    const draft = this.draft(copy.id, { ...copy.fields }, copy.created || saved !== undefined, saved ?? existing?.saved, copy.startedAt);
    draft.changed = new Set(Object.keys(copy.fields) as FieldName<F>[]);
    draft.edited = true;
    draft.released = existing ? existing.released : true;
    this.drafts.set(copy.id, draft);
    this.tell(copy.id);
    void this.flush();
  }

  /** Stored copies left by an earlier page, those `keep` accepts. */
  storedCopies(keep?: (copy: ProseCopy<F>) => boolean): ProseCopy<F>[] {
    return this.copies.list(keep);
  }

  has(id: string): boolean {
    return this.drafts.has(id);
  }

  fields(id: string): Readonly<F> | undefined {
    return this.drafts.get(id)?.fields;
  }

  saved(id: string): S | undefined {
    return this.drafts.get(id)?.saved;
  }

  isCreated(id: string): boolean {
    return this.drafts.get(id)?.created ?? false;
  }

  startedAt(id: string): string | undefined {
    return this.drafts.get(id)?.startedAt;
  }

  /** Keeps what the core said elsewhere about the row for when it is shown. */
  patchSaved(id: string, change: (saved: S) => S): void {
    const draft = this.drafts.get(id);
    if (draft?.saved !== undefined) draft.saved = change(draft.saved);
  }

  /** Typing: cheap and synchronous (the fields change in place); the save follows after a pause. */
  edit(id: string, patch: Partial<F>): void {
    const draft = this.drafts.get(id);
    if (!draft) return;
    Object.assign(draft.fields, patch);
    this.touch(draft, patch);
    this.schedule();
    this.updateStatus();
    this.tell(id);
  }

  /** A choice rather than typing (a speaker, a tag): the fields are replaced and saved at once. */
  set(id: string, patch: Partial<F>): void {
    const draft = this.drafts.get(id);
    if (!draft) return;
    draft.fields = { ...draft.fields, ...patch };
    this.touch(draft, patch);
    this.tell(id);
    void this.flush();
  }

  /**
   * The core's text changed (another laptop, an accepted amendment): shown instead, unless
   * something typed here is still waiting, which goes on and wins. False when it was not taken.
   */
  follow(id: string, patch: Partial<F>): boolean {
    const draft = this.drafts.get(id);
    if (!draft || draft.rejected || this.pending(draft)) return false;
    draft.fields = { ...draft.fields, ...patch };
    this.tell(id);
    return true;
  }

  /** The draft is no longer on screen: forget it once everything in it is saved. */
  release(id: string): void {
    const draft = this.drafts.get(id);
    if (!draft) return;
    draft.released = true;
    this.dropIfSettled(draft);
  }

  /** Forgets a draft whatever it holds (a blank note never created, or one deleted). */
  discard(id: string): void {
    this.drafts.delete(id);
    this.copies.remove(id);
    this.updateStatus();
  }

  /** Sends whatever is waiting now, without the pause; resolves when nothing more can be sent. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.backup();
    this.rerun = true;
    // `busy` is set before the call: a drain with nothing to send finishes synchronously.
    if (!this.busy) {
      this.busy = true;
      this.running = this.drain();
    }
    return this.running;
  }

  /** Writes unsaved text to local storage: synchronous, for pagehide. */
  backup(): void {
    for (const draft of this.drafts.values()) {
      const unsent = !draft.created && draft.edited && (this.target.keep?.(draft.fields) ?? false);
      if (this.pending(draft) || unsent) this.copies.write({ id: draft.id, fields: draft.fields, created: draft.created, startedAt: draft.startedAt });
    }
  }

  getStatus = (): SaveStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  /** One draft's status: the same object until it changes. */
  draftStatus(id: string): DraftStatus {
    return this.drafts.get(id)?.status ?? untouched;
  }

  /** Told the draft's id when its fields are replaced or edited, or its status changes. */
  subscribeDraft(listener: (id: string) => void): () => void {
    this.draftListeners.add(listener);
    return () => this.draftListeners.delete(listener);
  }

  /** Called with the core's answer each time a draft is fully saved. */
  onSaved(listener: (id: string, saved: S, fields: Readonly<F>) => void): () => void {
    this.savedListeners.add(listener);
    return () => this.savedListeners.delete(listener);
  }

  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.statusListeners.clear();
    this.draftListeners.clear();
    this.savedListeners.clear();
  }

  private draft(id: string, fields: F, created: boolean, saved: S | undefined, startedAt: string | undefined): Draft<F, S> {
    return {
      id,
      fields: { ...fields },
      created,
      changed: new Set(),
      inFlight: new Set(),
      released: false,
      edited: false,
      startedAt: startedAt ?? new Date().toISOString(),
      saved,
      status: untouched,
    };
  }

  private touch(draft: Draft<F, S>, patch: Partial<F>): void {
    for (const key of Object.keys(patch)) draft.changed.add(key as FieldName<F>);
    draft.rejected = undefined;
    draft.edited = true;
  }

  private tell(id: string): void {
    this.draftListeners.forEach((listener) => listener(id));
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  private async drain(): Promise<void> {
    try {
      while (this.rerun) {
        this.rerun = false;
        for (let draft = this.nextSendable(); draft; draft = this.nextSendable()) {
          if (!(await this.send(draft))) return;
        }
      }
    } finally {
      this.busy = false;
      this.updateStatus();
    }
  }

  private toSend(draft: Draft<F, S>): FieldName<F>[] {
    if (!draft.created) return Object.keys(draft.fields) as FieldName<F>[];
    return [...draft.changed].filter((field) => !this.target.held?.(field, draft.fields));
  }

  private sendable(draft: Draft<F, S>): boolean {
    if (draft.rejected || draft.inFlight.size > 0) return false;
    if (!draft.created) return this.target.ready?.(draft.fields) ?? true;
    return this.toSend(draft).length > 0;
  }

  private pending(draft: Draft<F, S>): boolean {
    return draft.inFlight.size > 0 || this.sendable(draft);
  }

  private nextSendable(): Draft<F, S> | undefined {
    for (const draft of this.drafts.values()) if (this.sendable(draft)) return draft;
    return undefined;
  }

  /** One request; false when it failed and the queue should wait before trying again. */
  private async send(draft: Draft<F, S>): Promise<boolean> {
    const fields = { ...draft.fields };
    const sending = new Set(this.toSend(draft));
    draft.changed = new Set([...draft.changed].filter((field) => !sending.has(field)));
    draft.inFlight = sending;
    this.updateStatus();
    const request: SaveRequest<F> = { id: draft.id, fields, created: draft.created, changed: sending };
    let result: Result<S>;
    try {
      result = await this.lane(() => this.target.send(request));
    } catch (error) {
      result = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    }
    draft.inFlight = new Set();
    if (result.ok) {
      draft.created = true;
      draft.saved = result.value;
      this.failures = 0;
      this.lastError = undefined;
      if (!this.pending(draft)) {
        this.copies.remove(draft.id);
        const saved = result.value;
        this.savedListeners.forEach((listener) => listener(draft.id, saved, draft.fields));
        this.dropIfSettled(draft);
      }
      return true;
    }
    for (const field of sending) draft.changed.add(field);
    if (refusals.has(result.error.code)) {
      draft.rejected = result.error;
      this.updateStatus();
      return true;
    }
    this.lastError = result.error;
    this.failures++;
    this.backup();
    clearTimeout(this.retryTimer);
    const delay = retryDelays[Math.min(this.failures - 1, retryDelays.length - 1)] ?? 5000;
    this.retryTimer = setTimeout(() => void this.flush(), delay);
    this.updateStatus();
    return false;
  }

  private dropIfSettled(draft: Draft<F, S>): void {
    if (draft.released && !this.pending(draft) && !draft.rejected) this.drafts.delete(draft.id);
  }

  private statusOf(draft: Draft<F, S>): DraftStatus {
    const edited = draft.edited;
    if (draft.rejected) return { state: 'rejected', error: draft.rejected, edited };
    if (!this.pending(draft)) return edited ? { state: 'saved', edited } : untouched;
    if (this.failures === 0) return { state: 'saving', edited };
    return this.lastError ? { state: 'retrying', error: this.lastError, edited } : { state: 'retrying', edited };
  }

  private updateStatus(): void {
    let next: SaveStatus = { state: 'saved' };
    let busy = false;
    const told: string[] = [];
    for (const draft of this.drafts.values()) {
      const status = this.statusOf(draft);
      if (!sameStatus(status, draft.status)) {
        draft.status = status;
        told.push(draft.id);
      }
      if (status.state === 'rejected' && next.state !== 'rejected') next = { state: 'rejected', ...(status.error ? { error: status.error } : {}) };
      else if (status.state !== 'saved') busy = true;
    }
    if (next.state !== 'rejected' && busy) next = this.failures > 0 ? { state: 'retrying', ...(this.lastError ? { error: this.lastError } : {}) } : { state: 'saving' };
    told.forEach((id) => this.tell(id));
    if (next.state === this.status.state && next.error === this.status.error) return;
    this.status = next;
    this.statusListeners.forEach((listener) => listener());
  }
}
