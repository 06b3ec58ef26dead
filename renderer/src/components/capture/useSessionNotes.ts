import { useCallback, useEffect, useState } from 'react';
import type { Note } from '../../../../shared/capture';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';

export interface SessionNotes {
  notes: Note[] | undefined;
  error: AppError | undefined;
  /** Replaces the note with the same id, or adds it at the end (the newest). */
  upsert(note: Note): void;
  /** Puts a note back where it was (an undone delete). */
  insertAt(note: Note, index: number): void;
  remove(id: string): void;
  /** Changes a note already in the list; does nothing for one that is not (the composer's). */
  update(id: string, change: (note: Note) => Note): void;
}

/** A session's notes, loaded once and then kept in step by the screen's own edits. */
export function useSessionNotes(sessionId: string): SessionNotes {
  const [notes, setNotes] = useState<Note[]>();
  const [error, setError] = useState<AppError>();
  useEffect(() => {
    let current = true;
    void api['notes:list']({ sessionId }).then((result) => {
      if (!current) return;
      if (result.ok) setNotes(result.value);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [sessionId]);

  const upsert = useCallback((note: Note) => {
    setNotes((list = []) => {
      // The note edited is nearly always one of the last: look from the end.
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i]?.id === note.id) {
          const next = list.slice();
          next[i] = note;
          return next;
        }
      }
      return [...list, note];
    });
  }, []);
  const insertAt = useCallback((note: Note, index: number) => {
    setNotes((list = []) => {
      if (list.some((n) => n.id === note.id)) return list;
      const next = list.slice();
      next.splice(Math.min(index, next.length), 0, note);
      return next;
    });
  }, []);
  const remove = useCallback((id: string) => setNotes((list) => list?.filter((n) => n.id !== id)), []);
  const update = useCallback((id: string, change: (note: Note) => Note) => {
    setNotes((list) => {
      if (!list) return list;
      for (let i = list.length - 1; i >= 0; i--) {
        const note = list[i];
        if (note?.id === id) {
          const next = list.slice();
          next[i] = change(note);
          return next;
        }
      }
      return list;
    });
  }, []);
  return { notes, error, upsert, insertAt, remove, update };
}
