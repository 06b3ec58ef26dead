import type { Note } from '../../../../shared/capture';
import type { CommandInput } from '../../../../shared/ipc';
import type { Result } from '../../../../shared/result';
import { ProseSaver } from '../proseSaver';
import type { ProseCopy } from '../proseCopies';
import type { ProseTarget } from '../proseSaving';
import { isBlank, metaOf, type NoteFields, type NoteMeta } from './noteFields';

export type { NoteFields, NoteMeta } from './noteFields';
export { fieldsOf, isBlank } from './noteFields';
export type { SaveState, SaveStatus } from '../proseSaving';

/** The calls the saver makes; the screen passes the real API, which never throws. */
export interface NoteSaveApi {
  create(input: CommandInput<'notes:create'>): Promise<Result<Note>>;
  update(input: CommandInput<'notes:update'>): Promise<Result<Note>>;
}

export type NoteBackup = ProseCopy<NoteFields>;

/** Where copies of unsaved notes have always been kept: a copy left by an earlier version is still found. */
const copyPrefix = 'plenary.capture.unsaved.';

/**
 * A note is created (with the id chosen here, so a retried create never makes two) at its first
 * non-blank character; after that only the fields that changed are sent. Blank text is not stored.
 */
export function noteTarget(api: NoteSaveApi): ProseTarget<NoteFields, Note> {
  return {
    ready: (fields) => !isBlank(fields.text),
    held: (field, fields) => field === 'sessionId' || (field === 'text' && isBlank(fields.text)),
    send({ id, fields, created, changed }) {
      if (!created) {
        const { sessionId, lang, text, speakerId, speakerName, tags, keyPoint } = fields;
        return api.create({ id, sessionId, lang, text, speakerId, speakerName, tags, keyPoint });
      }
      const input: CommandInput<'notes:update'> = { id };
      if (changed.has('text')) input.text = fields.text;
      if (changed.has('lang')) input.lang = fields.lang;
      if (changed.has('speakerId')) input.speakerId = fields.speakerId;
      if (changed.has('speakerName')) input.speakerName = fields.speakerName;
      if (changed.has('tags')) input.tags = fields.tags;
      if (changed.has('keyPoint')) input.keyPoint = fields.keyPoint;
      return api.update(input);
    },
  };
}

/**
 * The prose saver as the capture screen uses it: the note's text typed (nothing re-renders), its
 * speaker, language, tags and key point set (the toolbar follows), and the note as it stands here.
 */
export class NoteSaver extends ProseSaver<NoteFields, Note> {
  private metas = new Map<string, { fields: Readonly<NoteFields>; meta: NoteMeta }>();

  constructor(api: NoteSaveApi, storage: Storage | undefined) {
    super(noteTarget(api), storage, { copyPrefix });
  }

  /** A new note (sent at its first non-blank character), or an existing one opened for editing. */
  openNote(id: string, fields: NoteFields, existing?: Note): void {
    this.open(id, fields, existing ? { saved: existing, startedAt: existing.createdAt } : {});
  }

  createdAt(id: string): string | undefined {
    return this.startedAt(id);
  }

  /** Immutable view of everything but the text, replaced on change: what toolbars subscribe to. */
  meta(id: string): NoteMeta | undefined {
    const fields = this.fields(id);
    if (!fields) {
      this.metas.delete(id);
      return undefined;
    }
    const cached = this.metas.get(id);
    // Typing changes the fields in place; only a choice (setMeta) replaces them.
    if (cached?.fields === fields) return cached.meta;
    const meta = metaOf(fields);
    this.metas.set(id, { fields, meta });
    return meta;
  }

  /** The note as it stands here: the core's last answer with the local, possibly unsaved, fields over it. */
  note(id: string): Note | undefined {
    const fields = this.fields(id);
    const createdAt = this.startedAt(id);
    if (!fields || !createdAt) return undefined;
    const base: Note = this.saved(id) ?? { id, createdAt, mine: true, alternatives: [], keyMessageIds: [], ...fields };
    return { ...base, ...fields };
  }

  editText(id: string, text: string): void {
    this.edit(id, { text });
  }

  /** Speaker, language, tags, key point: saved at once, and subscribers told. */
  setMeta(id: string, patch: Partial<NoteMeta>): void {
    const { sessionId: _session, ...rest } = patch;
    this.set(id, rest);
  }

  /** Stored copies of unsaved notes for a session, left by an earlier page. */
  backups(sessionId: string): NoteBackup[] {
    return this.storedCopies((copy) => copy.fields.sessionId === sessionId).filter((copy) => !this.has(copy.id));
  }

  /** Called with the note (local fields laid over the core's answer) each time one is fully saved. */
  onNoteSaved(listener: (note: Note) => void): () => void {
    return this.onSaved((id) => {
      const note = this.note(id);
      if (note) listener(note);
    });
  }

  override discard(id: string): void {
    this.metas.delete(id);
    super.discard(id);
  }
}
