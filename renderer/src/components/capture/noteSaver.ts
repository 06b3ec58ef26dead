import type { Note } from '../../../../shared/capture';
import type { CommandInput } from '../../../../shared/ipc';
import type { AppError, Result } from '../../../../shared/result';
import { NoteBackups, type NoteBackup } from './noteBackups';
import { isBlank, metaOf, type NoteFields, type NoteMeta } from './noteFields';

export type { NoteFields, NoteMeta } from './noteFields';
export { fieldsOf, isBlank } from './noteFields';

type Field = keyof Omit<NoteFields, 'sessionId'>;

/** The calls the saver makes; the screen passes the real API, which never throws. */
export interface NoteSaveApi {
  create(input: CommandInput<'notes:create'>): Promise<Result<Note>>;
  update(input: CommandInput<'notes:update'>): Promise<Result<Note>>;
}

export type SaveState = 'saved' | 'saving' | 'retrying' | 'rejected';
export interface SaveStatus {
  state: SaveState;
  /** Why the last save was refused (state `rejected`), or why it failed (`retrying`). */
  error?: AppError;
}

interface Draft {
  id: string;
  fields: NoteFields;
  /** Immutable view of everything but the text, replaced on change: what toolbars subscribe to. */
  meta: NoteMeta;
  created: boolean;
  /** Changed since the last save that succeeded, and not being sent right now. */
  changed: Set<Field>;
  inFlight: Set<Field>;
  rejected?: AppError;
  /** Dropped from memory once saved: a finished note or a closed editor. */
  released: boolean;
  createdAt: string;
  /** The core's last answer for this note. */
  saved?: Note;
}

const debounceMs = 300;
const retryDelays = [500, 1000, 2000, 4000, 5000];
const blank = isBlank;

/**
 * Saves notes as they are typed: every edit restarts a short wait, then the latest text goes to
 * the core, one request at a time so the last text always wins. A note is created (with the id
 * chosen here) at its first non-blank character. A failed save keeps its changes and is retried
 * until it goes through; a refused one (too long) waits for the next edit. Subscribers are told
 * only when something they show changes, so typing re-renders nothing.
 */
export class NoteSaver {
  private drafts = new Map<string, Draft>();
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
  private savedListeners = new Set<(note: Note) => void>();

  private readonly copies: NoteBackups;

  constructor(
    private readonly api: NoteSaveApi,
    storage: Storage | undefined,
  ) {
    this.copies = new NoteBackups(storage);
  }

  /**
   * Starts a draft: a new note (`created` false, sent at its first non-blank character) or an
   * existing one opened for editing, with the core's copy of it.
   */
  open(id: string, fields: NoteFields, existing?: Note): void {
    const draft = this.drafts.get(id);
    if (draft) {
      draft.released = false;
      return;
    }
    this.drafts.set(id, {
      id,
      fields: { ...fields },
      meta: metaOf(fields),
      created: existing !== undefined,
      changed: new Set(),
      inFlight: new Set(),
      released: false,
      createdAt: existing?.createdAt ?? new Date().toISOString(),
      ...(existing ? { saved: existing } : {}),
    });
  }

  /** Takes back a stored copy of unsaved text (after a reload) and sends it. */
  adopt(backup: NoteBackup, existing: Note | undefined): void {
    this.drafts.set(backup.id, {
      id: backup.id,
      fields: { ...backup.fields },
      meta: metaOf(backup.fields),
      created: existing !== undefined,
      ...(existing ? { saved: existing } : {}),
      changed: new Set<Field>(['text', 'lang', 'speakerId', 'speakerName', 'tags', 'keyPoint']),
      inFlight: new Set(),
      released: true,
      createdAt: backup.createdAt,
    });
    void this.flush();
  }

  has(id: string): boolean {
    return this.drafts.has(id);
  }

  fields(id: string): NoteFields | undefined {
    return this.drafts.get(id)?.fields;
  }

  meta(id: string): NoteMeta | undefined {
    return this.drafts.get(id)?.meta;
  }

  isCreated(id: string): boolean {
    return this.drafts.get(id)?.created ?? false;
  }

  createdAt(id: string): string | undefined {
    return this.drafts.get(id)?.createdAt;
  }

  /** The note as it stands here: the core's last answer with the local, possibly unsaved, fields over it. */
  note(id: string): Note | undefined {
    const draft = this.drafts.get(id);
    if (!draft) return undefined;
    const base: Note = draft.saved ?? { id, createdAt: draft.createdAt, mine: true, alternatives: [], keyMessageIds: [], ...draft.fields };
    return { ...base, ...draft.fields };
  }

  /** Keeps what the core said elsewhere (a key message citing the note) for when the note is shown. */
  patchSaved(id: string, change: (note: Note) => Note): void {
    const draft = this.drafts.get(id);
    if (draft?.saved) draft.saved = change(draft.saved);
  }

  /** Typing: cheap, synchronous, and the save follows after a pause. */
  editText(id: string, text: string): void {
    const draft = this.drafts.get(id);
    if (!draft) return;
    draft.fields.text = text;
    draft.changed.add('text');
    draft.rejected = undefined;
    this.schedule();
    this.updateStatus();
  }

  /** Speaker, language, tags, key point: saved at once, and subscribers told. */
  setMeta(id: string, patch: Partial<NoteMeta>): void {
    const draft = this.drafts.get(id);
    if (!draft) return;
    for (const key of Object.keys(patch) as (keyof NoteMeta)[]) {
      if (key === 'sessionId') continue;
      draft.changed.add(key);
    }
    draft.fields = { ...draft.fields, ...patch, sessionId: draft.fields.sessionId };
    draft.meta = metaOf(draft.fields);
    draft.rejected = undefined;
    this.draftListeners.forEach((listener) => listener(id));
    void this.flush();
  }

  /** The draft is no longer on screen: forget it once everything in it is saved. */
  release(id: string): void {
    const draft = this.drafts.get(id);
    if (!draft) return;
    draft.released = true;
    this.dropIfSettled(draft);
  }

  /** Forgets a draft whatever it holds (a blank note that was never created, or one deleted). */
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
      if (!this.pending(draft) || (!draft.created && blank(draft.fields.text))) continue;
      this.copies.write({ id: draft.id, fields: draft.fields, created: draft.created, createdAt: draft.createdAt });
    }
  }

  /** Stored copies of unsaved notes for a session, left by an earlier page. */
  backups(sessionId: string): NoteBackup[] {
    return this.copies.forSession(sessionId).filter((copy) => !this.drafts.has(copy.id));
  }

  getStatus = (): SaveStatus => this.status;

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  subscribeDraft(listener: (id: string) => void): () => void {
    this.draftListeners.add(listener);
    return () => this.draftListeners.delete(listener);
  }

  /** Called with the core's note (local fields laid over it) each time a note is fully saved. */
  onSaved(listener: (note: Note) => void): () => void {
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

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), debounceMs);
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

  private sendable(draft: Draft): boolean {
    if (draft.rejected || draft.inFlight.size > 0) return false;
    if (!draft.created) return !blank(draft.fields.text);
    // Blank text is not stored; the other changes still go.
    return [...draft.changed].some((field) => field !== 'text' || !blank(draft.fields.text));
  }

  private pending(draft: Draft): boolean {
    return draft.inFlight.size > 0 || this.sendable(draft);
  }

  private nextSendable(): Draft | undefined {
    for (const draft of this.drafts.values()) if (this.sendable(draft)) return draft;
    return undefined;
  }

  /** One request; false when it failed and the queue should wait before trying again. */
  private async send(draft: Draft): Promise<boolean> {
    const fields = { ...draft.fields };
    const sending = new Set([...draft.changed].filter((field) => field !== 'text' || !blank(fields.text)));
    draft.changed = new Set([...draft.changed].filter((field) => !sending.has(field)));
    draft.inFlight = sending;
    this.updateStatus();
    let result: Result<Note>;
    if (!draft.created) {
      result = await this.api.create({
        id: draft.id,
        sessionId: fields.sessionId,
        lang: fields.lang,
        text: fields.text,
        speakerId: fields.speakerId,
        speakerName: fields.speakerName,
        tags: fields.tags,
        keyPoint: fields.keyPoint,
      });
    } else {
      const input: CommandInput<'notes:update'> = { id: draft.id };
      if (sending.has('text')) input.text = fields.text;
      if (sending.has('lang')) input.lang = fields.lang;
      if (sending.has('speakerId')) input.speakerId = fields.speakerId;
      if (sending.has('speakerName')) input.speakerName = fields.speakerName;
      if (sending.has('tags')) input.tags = fields.tags;
      if (sending.has('keyPoint')) input.keyPoint = fields.keyPoint;
      result = await this.api.update(input);
    }
    draft.inFlight = new Set();
    if (result.ok) {
      draft.created = true;
      draft.saved = result.value;
      this.failures = 0;
      this.lastError = undefined;
      if (!this.pending(draft)) {
        this.copies.remove(draft.id);
        const latest = this.note(draft.id);
        if (latest) this.savedListeners.forEach((listener) => listener(latest));
        this.dropIfSettled(draft);
      }
      return true;
    }
    for (const field of sending) draft.changed.add(field);
    if (result.error.code === 'invalid_input' || result.error.code === 'not_found') {
      // Sending the same again would be refused again: wait for the rapporteur's next edit.
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

  private dropIfSettled(draft: Draft): void {
    if (draft.released && !this.pending(draft) && !draft.rejected) {
      this.drafts.delete(draft.id);
    }
  }

  private updateStatus(): void {
    let next: SaveStatus = { state: 'saved' };
    let busy = false;
    for (const draft of this.drafts.values()) {
      if (draft.rejected) {
        next = { state: 'rejected', error: draft.rejected };
        break;
      }
      if (this.pending(draft)) busy = true;
    }
    if (next.state !== 'rejected' && busy) next = this.failures > 0 ? { state: 'retrying', ...(this.lastError ? { error: this.lastError } : {}) } : { state: 'saving' };
    if (next.state === this.status.state && next.error === this.status.error) return;
    this.status = next;
    this.statusListeners.forEach((listener) => listener());
  }
}

