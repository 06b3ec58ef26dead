import { useEffect, useState } from 'react';
import type { Participant } from '../../../shared/participants';
import { api } from '../api/plenaryApi';

/**
 * Participants matching what is typed, asked a moment after the typing pauses (not on every key);
 * `query` says which text the rows answer, so a late answer to older text is never shown as current.
 */
export function useParticipantSearch(forumId: string, query: string, limit = 20): { query: string; rows: Participant[] } {
  const [found, setFound] = useState<{ query: string; rows: Participant[] }>({ query: '', rows: [] });
  useEffect(() => {
    if (!query) return;
    let current = true;
    const timer = window.setTimeout(() => {
      void api['participants:query']({ forumId, text: query, limit }).then((result) => {
        if (current && result.ok) setFound({ query, rows: result.value.rows });
      });
    }, 120);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [forumId, query, limit]);
  return found;
}
