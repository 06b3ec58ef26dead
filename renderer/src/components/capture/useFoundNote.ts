import { useEffect, useRef, type RefObject } from 'react';
import type { NoteStreamHandle } from './NoteStream';
import type { SessionNotes } from './useSessionNotes';

/**
 * Puts the keyboard on the note a search result opened the screen at, once it is loaded: older
 * pages are fetched until it is there (a note from the first morning of a long session), or until
 * none are left (a note deleted since). Done once per note, so later edits do not pull the view back.
 */
export function useFoundNote(noteId: string | undefined, sessionNotes: SessionNotes, stream: RefObject<NoteStreamHandle | null>): void {
  const { notes, hasOlder, loadOlder } = sessionNotes;
  const done = useRef<string>(undefined);
  useEffect(() => {
    if (!noteId || done.current === noteId || !notes) return;
    if (notes.some((n) => n.id === noteId)) {
      done.current = noteId;
      stream.current?.focusNote(noteId);
    } else if (hasOlder) loadOlder();
    else done.current = noteId;
  }, [noteId, notes, hasOlder, loadOlder, stream]);
}
