import { useEffect, useRef } from 'react';
import { isHelpKey } from '../isHelpKey';
import { altKey, inTextField } from './captureShortcuts';

export interface CaptureKeyHandlers {
  speaker(): void;
  /** The speaker kept from the note before goes. */
  clearSpeaker(): void;
  language(): void;
  /** The language offered for the letters typed is taken. */
  acceptLanguage(): void;
  tag(): void;
  keyPoint(): void;
  promote(): void;
  notes(): void;
  search(): void;
  help(): void;
  /** Escape outside a text box: back to the note being written. */
  write(): void;
}

/**
 * The capture screen's shortcuts, wherever the focus is on the screen. Alt+letter goes by the key's
 * place (works in any keyboard layout); "/" and "?" only outside text, where they are typed.
 */
export function useCaptureKeys(handlers: CaptureKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const h = latest.current;
      let action: (() => void) | undefined;
      if (altKey(event, 'S')) action = h.speaker;
      else if (altKey(event, 'X')) action = h.clearSpeaker;
      else if (altKey(event, 'L')) action = h.language;
      else if (altKey(event, 'G')) action = h.acceptLanguage;
      else if (altKey(event, 'T')) action = h.tag;
      else if (altKey(event, 'K')) action = h.keyPoint;
      else if (altKey(event, 'P')) action = h.promote;
      else if (event.altKey && !event.ctrlKey && event.key === 'ArrowUp') action = h.notes;
      else if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.code === 'KeyK') action = h.search;
      else if (!event.ctrlKey && !event.metaKey && !event.altKey && !inTextField(event.target)) {
        if (event.key === '/') action = h.search;
        else if (isHelpKey(event)) action = h.help;
        else if (event.key === 'Escape') action = h.write;
      } else if (event.key === 'Escape' && event.target instanceof HTMLSelectElement) action = h.write;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
