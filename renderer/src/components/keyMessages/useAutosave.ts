import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';

/**
 * A text box that saves itself: `delay` ms after the last keystroke, at once when the box is
 * left, and when it goes away. The stored value replaces the draft only while nothing typed is
 * waiting to be saved, and our own save coming back (trimmed by the core) never moves the caret.
 */
export function useAutosave(stored: string, save: (text: string) => Promise<boolean>, delay = 600) {
  const [draft, setDraft] = useState(stored);
  const [state, setState] = useState<SaveState>('idle');
  const latest = useRef({ draft: stored, sent: stored, save });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  useEffect(() => {
    latest.current.save = save;
  }, [save]);

  useEffect(() => {
    const current = latest.current;
    const dirty = current.draft !== current.sent;
    const ownEcho = stored.trim() === current.sent.trim();
    if (dirty || ownEcho) return;
    current.draft = stored;
    current.sent = stored;
    setDraft(stored);
  }, [stored]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const current = latest.current;
    const text = current.draft;
    if (text === current.sent) return;
    const previous = current.sent;
    current.sent = text;
    setState('saving');
    const ok = await current.save(text);
    if (!ok && current.sent === text) current.sent = previous;
    setState(ok ? (latest.current.draft === latest.current.sent ? 'saved' : 'pending') : 'failed');
  }, []);

  const change = useCallback(
    (text: string) => {
      latest.current.draft = text;
      setDraft(text);
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  // Leaving the screen with typing not yet saved still saves it.
  useEffect(() => () => void flush(), [flush]);

  return { draft, state, change, flush };
}
