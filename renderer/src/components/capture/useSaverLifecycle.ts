import { useEffect, useRef } from 'react';
import type { Note } from '../../../../shared/capture';
import { useProseSaverLifecycle } from '../../hooks/useProseSaver';
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
 * Saves survive the page going away (see useProseSaverLifecycle), the stream follows what the core
 * answers, and text an earlier page could not save (the server was down, the tab closed) is sent
 * again when the session opens.
 */
export function useSaverLifecycle({ saver, sessionId, notes, upsert, update, onRecovered }: Options): void {
  useProseSaverLifecycle(saver);
  useEffect(() => saver.onNoteSaved((note) => update(note.id, (shown) => ({ ...shown, ...note }))), [saver, update]);

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
