import { useEffect, useRef } from 'react';
import { api } from '../api/plenaryApi';

/** The chair pages through quickly; the companion learns where the projector rests. */
const settleMs = 400;

/**
 * Tells the core which paragraph the draft projector shows, for the participant companion: once
 * the projector has rested on it, and only when it differs from the last one recorded. A refusal
 * (a laptop whose role may not) or a lost connection is ignored: the projector never waits on it.
 */
export function useProjectedParagraph(forumId: string, documentId: string, paragraphId: string | undefined): void {
  const recorded = useRef<string | null>(null);
  useEffect(() => {
    if (!paragraphId) return;
    const key = `${documentId}/${paragraphId}`;
    if (recorded.current === key) return;
    const timer = window.setTimeout(() => {
      api['projector:show']({ forumId, documentId, paragraphId }).then(
        (result) => {
          if (result.ok) recorded.current = key;
        },
        () => undefined,
      );
    }, settleMs);
    return () => window.clearTimeout(timer);
  }, [forumId, documentId, paragraphId]);
}
