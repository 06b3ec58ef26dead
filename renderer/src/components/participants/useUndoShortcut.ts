import { useEffect, useRef } from 'react';

/**
 * Ctrl+Z (Cmd+Z) runs `undo` while `enabled`; inside a text box that holds text the key keeps its
 * usual meaning, undoing typing, so the shortcut never takes an edit away from the user.
 */
export function useUndoShortcut(undo: () => void, enabled: boolean): void {
  const latest = useRef(undo);
  useEffect(() => {
    latest.current = undo;
  }, [undo]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.altKey || event.code !== 'KeyZ') return;
      const target = event.target;
      const editing =
        (target instanceof HTMLInputElement && target.value !== '' && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)) ||
        (target instanceof HTMLTextAreaElement && target.value !== '') ||
        (target instanceof HTMLElement && target.isContentEditable);
      if (editing) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
