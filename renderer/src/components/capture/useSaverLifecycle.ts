import { useEffect, useRef } from 'react';
import type { Note } from '../../../../shared/capture';
import type { NoteSaver } from './noteSaver';

interface Options {
  saver: NoteSaver;
  sessionId: string;
  notes: Note[] | undefined;
  upsert(note: Note): void;
  update(id: string, change: (note: Note) => Note): void;
  /** How many notes an earlier page left unsaved and are being saved now. */
  onRecovered(count: number): void;
}

/**
 * Saves survive the page going away (hidden, closed, or this screen left for another), the
 * stream follows what the core answers, and text an earlier page could not save (the server was
 * down, the tab closed) is sent again when the session opens.
 */
export function useSaverLifecycle({ saver, sessionId, notes, upsert, update, onRecovered }: Options): void {
  useEffect(() => {
    const flush = () => {
      saver.backup();
      void saver.flush();
    };
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const state = saver.getStatus().state;
      flush();
      // In a browser, ask before leaving text the core does not have yet. Not in the desktop app,
      // where a cancelled unload would silently keep the window from closing; the copy in local
      // storage is sent when the session is next opened.
      if (!window.plenary && (state === 'retrying' || state === 'rejected')) event.preventDefault();
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    const unsubscribe = saver.onSaved((note) => update(note.id, (shown) => ({ ...shown, ...note })));
    return () => {
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
      unsubscribe();
      flush();
    };
  }, [saver, update]);

  const recovered = useRef(false);
  const report = useRef(onRecovered);
  useEffect(() => {
    report.current = onRecovered;
  });
  useEffect(() => {
    if (!notes || recovered.current) return;
    recovered.current = true;
    const copies = saver.backups(sessionId);
    for (const copy of copies) {
      saver.adopt(copy, notes.find((n) => n.id === copy.id));
      const note = saver.note(copy.id);
      if (note) upsert(note);
    }
    if (copies.length > 0) report.current(copies.length);
  }, [notes, saver, sessionId, upsert]);
}
