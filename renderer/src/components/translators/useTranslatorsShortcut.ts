import { useEffect, useRef } from 'react';

/**
 * Ctrl+Shift+E (Cmd+Shift+E on a Mac) opens the translators' dialog: export's chord with Shift,
 * for "export for translators". Read by the key's place (event.code), so it works in an Arabic or
 * Russian keyboard layout too; not while another dialog is open.
 */
export function useTranslatorsShortcut(open: () => void, enabled: boolean): void {
  const latest = useRef(open);
  useEffect(() => {
    latest.current = open;
  }, [open]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !event.shiftKey || !(event.ctrlKey || event.metaKey) || event.code !== 'KeyE') return;
      if (document.querySelector('dialog[open]')) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
