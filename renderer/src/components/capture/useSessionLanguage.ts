import { useCallback, useState } from 'react';
import { localStore } from './useRememberedFlag';

const sessionKey = (sessionId: string) => `plenary.capture.lang.${sessionId}`;
const lastKey = (forumId: string) => `plenary.capture.lastLang.${forumId}`;

function read(key: string): string | undefined {
  try {
    return localStore()?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language a new note starts in: the one chosen for this session on this laptop (an
 * interpreter's booth may be Spanish all afternoon), else the working language this laptop last
 * wrote in, else the interface's if the forum works in it, else the forum's source language. The
 * interface language alone is not a reason: an English note typed in the Arabic interface is English.
 */
export function defaultNoteLanguage(stored: { session?: string | undefined; last?: string | undefined }, working: readonly string[], sourceLanguage: string, uiLanguage: string): string {
  if (stored.session) return stored.session;
  if (stored.last && working.includes(stored.last)) return stored.last;
  if (working.includes(uiLanguage)) return uiLanguage;
  return sourceLanguage;
}

export function lastWorkingLanguage(forumId: string): string | undefined {
  return read(lastKey(forumId));
}

/** The session's note language, and a setter that remembers it for the session and (a working one) for the laptop. */
export function useSessionLanguage(
  forumId: string,
  sessionId: string,
  working: readonly string[],
  sourceLanguage: string,
  uiLanguage: string,
): [string, (lang: string) => void] {
  const [lang, setLang] = useState(() =>
    defaultNoteLanguage({ session: read(sessionKey(sessionId)), last: read(lastKey(forumId)) }, working, sourceLanguage, uiLanguage),
  );
  const remember = useCallback(
    (next: string) => {
      try {
        localStore()?.setItem(sessionKey(sessionId), next);
        if (working.includes(next)) localStore()?.setItem(lastKey(forumId), next);
      } catch {
        // Not remembered; still used for this visit.
      }
      setLang(next);
    },
    [forumId, sessionId, working],
  );
  return [lang, remember];
}
