import { useCallback, useMemo, useRef, useState } from 'react';
import { uiLanguages } from '../../../../shared/languages';
import { suggestLanguage } from './textScript';

export interface LanguageSuggestion {
  /** The language to offer for the note being written, when its letters cannot be in the note's. */
  suggested: string | undefined;
  /** The composer's text changed (each keystroke: cheap, and renders only when the offer changes). */
  onText(text: string, lang: string): void;
  /** The note's language changed, or a new note started. */
  recheck(lang: string, text?: string): void;
}

/**
 * Offers a better language for the note being written: the last working language this laptop
 * used, then the forum's, then the UN languages, the first written in the letters typed.
 */
export function useLanguageSuggestion(working: readonly string[], lastUsed: () => string | undefined): LanguageSuggestion {
  const [suggested, setSuggested] = useState<string>();
  const text = useRef('');
  const candidates = useCallback(() => {
    const last = lastUsed();
    return [...new Set([...(last ? [last] : []), ...working, ...uiLanguages])];
  }, [working, lastUsed]);
  const recheck = useCallback(
    (lang: string, next?: string) => {
      if (next !== undefined) text.current = next;
      setSuggested(suggestLanguage(text.current, lang, candidates()));
    },
    [candidates],
  );
  const onText = useCallback((next: string, lang: string) => recheck(lang, next), [recheck]);
  return useMemo(() => ({ suggested, onText, recheck }), [suggested, onText, recheck]);
}
