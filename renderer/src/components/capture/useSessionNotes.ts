import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note } from '../../../../shared/capture';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';

/** Notes fetched at once: the newest fill the screen many times over, older ones come on scrolling up. */
export const notesPageSize = 200;

type FirstPage = ReturnType<(typeof api)['notes:list']>;
const prefetched = new Map<string, { page: FirstPage; at: number }>();

/**
 * Asks for a session's newest notes before the screen knows the session (while the agenda loads),
 * so the two requests overlap. Only a fresh answer is used, and only once.
 */
export function prefetchNotes(sessionId: string): void {
  prefetched.set(sessionId, { page: api['notes:list']({ sessionId, limit: notesPageSize }), at: Date.now() });
}

function firstPage(sessionId: string): FirstPage {
  const early = prefetched.get(sessionId);
  prefetched.delete(sessionId);
  return early && Date.now() - early.at < 5000 ? early.page : api['notes:list']({ sessionId, limit: notesPageSize });
}

export interface SessionNotes {
  /** The notes loaded so far: the newest, and as many older pages as were asked for. */
  notes: Note[] | undefined;
  /** Live notes in the session, loaded or not (undefined until known). */
  total: number | undefined;
  /** Older notes remain to be fetched. */
  hasOlder: boolean;
  /** Fetches the page before the oldest loaded note; does nothing while one is on its way. */
  loadOlder(): void;
  error: AppError | undefined;
  /** Replaces the note with the same id, or adds it at the end (the newest). */
  upsert(note: Note): void;
  /** Puts a note back where it was (an undone delete). */
  insertAt(note: Note, index: number): void;
  remove(id: string): void;
  /** Changes a note already in the list; does nothing for one that is not (the composer's). */
  update(id: string, change: (note: Note) => Note): void;
}

/** A session's notes, loaded newest page first and then kept in step by the screen's own edits. */
export function useSessionNotes(forumId: string, sessionId: string): SessionNotes {
  const [notes, setNotes] = useState<Note[]>();
  const [error, setError] = useState<AppError>();
  const [hasOlder, setHasOlder] = useState(false);
  // Notes in the core not loaded yet; the header counts them without fetching them.
  const [unloaded, setUnloaded] = useState<number>();
  const loading = useRef(false);
  const oldest = useRef<Note | undefined>(undefined);
  useEffect(() => {
    let current = true;
    setNotes(undefined);
    setHasOlder(false);
    setUnloaded(undefined);
    oldest.current = undefined;
    loading.current = true;
    void firstPage(sessionId).then((result) => {
      if (!current) return;
      loading.current = false;
      if (!result.ok) return setError(result.error);
      oldest.current = result.value[0];
      setNotes(result.value);
      const more = result.value.length === notesPageSize;
      setHasOlder(more);
      if (!more) return setUnloaded(0);
      void api['capture:progress']({ forumId }).then((progress) => {
        const count = progress.ok ? progress.value.find((p) => p.sessionId === sessionId)?.notes : undefined;
        if (current && count !== undefined) setUnloaded(Math.max(0, count - result.value.length));
      });
    });
    return () => {
      current = false;
    };
  }, [forumId, sessionId]);

  const loadOlder = useCallback(() => {
    const before = oldest.current;
    if (loading.current || !before) return;
    loading.current = true;
    void api['notes:list']({ sessionId, before: { createdAt: before.createdAt, id: before.id }, limit: notesPageSize }).then((result) => {
      // A page that arrives after the session changed belongs to the old one.
      if (oldest.current !== before) return;
      loading.current = false;
      if (!result.ok) return setError(result.error);
      oldest.current = result.value[0] ?? before;
      setHasOlder(result.value.length === notesPageSize);
      setUnloaded((n) => (n === undefined ? n : Math.max(0, n - result.value.length)));
      setNotes((list = []) => {
        // A note recovered from a backup may already be shown at the end: keep that copy.
        const shown = new Set(list.map((n) => n.id));
        return [...result.value.filter((n) => !shown.has(n.id)), ...list];
      });
    });
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
  const total = notes && unloaded !== undefined ? notes.length + unloaded : undefined;
  return { notes, total, hasOlder, loadOlder, error, upsert, insertAt, remove, update };
}
