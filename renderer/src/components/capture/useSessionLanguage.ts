import { useCallback, useState } from 'react';
import { localStore } from './useRememberedFlag';

/**
 * The language new notes are written in: the UI's at first, then whatever the rapporteur chose
 * for this session (an interpreter's booth may be Spanish all afternoon).
 */
export function useSessionLanguage(sessionId: string, fallback: string): [string, (lang: string) => void] {
  const key = `plenary.capture.lang.${sessionId}`;
  const [lang, setLang] = useState(() => localStore()?.getItem(key) ?? fallback);
  const remember = useCallback(
    (next: string) => {
      try {
        localStore()?.setItem(key, next);
      } catch {
        // Not remembered; still used for this visit.
      }
      setLang(next);
    },
    [key],
  );
  return [lang, remember];
}
