import { useCallback, useLayoutEffect, useMemo, useRef, useState, type Dispatch, type RefObject, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/capture';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { isBlank, type NoteSaver } from './noteSaver';
import type { NoteStreamHandle } from './NoteStream';
import type { SessionNotes } from './useSessionNotes';

export interface UndoState {
  note: Note;
  index: number;
  state: 'deleted' | 'restored';
}

interface Deps {
  sessionId: string;
  saver: NoteSaver;
  sessionNotes: SessionNotes;
  stream: RefObject<NoteStreamHandle | null>;
  latest: RefObject<{ notes: Note[] | undefined; editingId: string | null; composerId: string }>;
  setEditing: Dispatch<SetStateAction<{ id: string; focus: boolean } | null>>;
  setSelected: Dispatch<SetStateAction<ReadonlySet<string>>>;
  setAnnouncement(text: string): void;
  setActionError(error: AppError | undefined): void;
  focusComposer(): void;
  onPromoted(): void;
}

export interface NoteActions {
  remove(note: Note): Promise<void>;
  undo(): void;
  undoState: UndoState | undefined;
  /** The composer's note was emptied and finished: it goes, quietly (nothing worth an undo). */
  discardNote(noteId: string): Promise<void>;
  promote(noteIds: string[]): Promise<void>;
}

/** Delete with undo, and promotion to a key message: the actions that call the core directly. */
export function useNoteActions(deps: Deps): NoteActions {
  const { t } = useTranslation();
  const [undoState, setUndoState] = useState<UndoState>();
  const current = useRef({ deps, undoState, t });
  useLayoutEffect(() => {
    current.current = { deps, undoState, t };
  });

  const remove = useCallback(async (note: Note) => {
    const { deps: d } = current.current;
    const list = d.latest.current.notes ?? [];
    const index = list.findIndex((n) => n.id === note.id);
    const shown = d.saver.note(note.id) ?? note;
    if (d.latest.current.editingId === note.id) d.setEditing(null);
    d.setActionError(undefined);
    // Edits still waiting would otherwise be sent after the tombstone.
    d.saver.discard(note.id);
    const result = await api['notes:setDeleted']({ id: note.id, deleted: true });
    if (!result.ok) {
      d.setActionError(result.error);
      return;
    }
    d.sessionNotes.remove(note.id);
    d.setSelected((previous) => {
      if (!previous.has(note.id)) return previous;
      const next = new Set(previous);
      next.delete(note.id);
      return next;
    });
    setUndoState({ note: shown, index, state: 'deleted' });
    const neighbour = list[index + 1] ?? list[index - 1];
    if (neighbour) d.stream.current?.focusNote(neighbour.id);
    else d.focusComposer();
  }, []);

  const undo = useCallback(() => {
    const { deps: d, undoState: u } = current.current;
    if (!u || u.state !== 'deleted') return;
    void api['notes:setDeleted']({ id: u.note.id, deleted: false }).then((result) => {
      if (!result.ok) {
        d.setActionError(result.error);
        return;
      }
      d.sessionNotes.insertAt(u.note, u.index);
      setUndoState({ ...u, state: 'restored' });
      d.stream.current?.focusNote(u.note.id);
    });
  }, []);

  const discardNote = useCallback(async (noteId: string) => {
    const { deps: d } = current.current;
    d.saver.discard(noteId);
    const result = await api['notes:setDeleted']({ id: noteId, deleted: true });
    if (!result.ok) d.setActionError(result.error);
  }, []);

  const promote = useCallback(async (noteIds: string[]) => {
    const { deps: d, t: tr } = current.current;
    const composer = d.latest.current.composerId;
    if (noteIds.length === 1 && noteIds[0] === composer && isBlank(d.saver.fields(composer)?.text ?? '')) {
      d.setAnnouncement(tr('capture.promote.nothing'));
      return;
    }
    d.setActionError(undefined);
    // The key message starts from the notes' text: the latest keystrokes must be in first.
    await d.saver.flush();
    if (noteIds.some((id) => d.saver.has(id) && !d.saver.isCreated(id))) {
      d.setAnnouncement(tr('capture.promote.notSaved'));
      return;
    }
    const result = await api['keyMessages:promote']({ sessionId: d.sessionId, noteIds });
    if (!result.ok) {
      d.setActionError(result.error);
      return;
    }
    const messageId = result.value.id;
    const cite = (note: Note): Note => ({ ...note, keyMessageIds: [...note.keyMessageIds, messageId] });
    for (const id of noteIds) {
      d.sessionNotes.update(id, cite);
      d.saver.patchSaved(id, cite);
    }
    d.setSelected(new Set());
    d.setAnnouncement(tr('capture.promote.done', { number: noteIds.length }));
    d.onPromoted();
  }, []);

  return useMemo(() => ({ remove, undo, undoState, discardNote, promote }), [remove, undo, undoState, discardNote, promote]);
}
