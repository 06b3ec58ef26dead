import { useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/result';
import type { SearchResults } from '../../../../shared/search';
import { api } from '../../api/plenaryApi';

export interface SearchState {
  results: SearchResults | undefined;
  error: AppError | undefined;
  busy: boolean;
}

/**
 * Runs a search per settled query; an answer to an older query arriving late is dropped, and the
 * last results stay on screen while the next ones come (no flicker between keystrokes).
 */
export function useSearch(forumId: string, text: string, limit: number): SearchState {
  const [state, setState] = useState<SearchState>({ results: undefined, error: undefined, busy: false });
  useEffect(() => {
    if (text.trim() === '') {
      setState({ results: undefined, error: undefined, busy: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, busy: true }));
    void api['search:query']({ forumId, text, limit }).then((result) => {
      if (!current) return;
      setState(result.ok ? { results: result.value, error: undefined, busy: false } : { results: undefined, error: result.error, busy: false });
    });
    return () => {
      current = false;
    };
  }, [forumId, text, limit]);
  return state;
}
