import { useCallback, useSyncExternalStore } from 'react';
import type { NoteMeta, NoteSaver, SaveStatus } from './noteSaver';

/** The saver's overall state; re-renders only when it changes (not on every keystroke). */
export function useSaveStatus(saver: NoteSaver): SaveStatus {
  return useSyncExternalStore(saver.subscribeStatus, saver.getStatus);
}

/** A draft's speaker, language, tags and key point, as the toolbar shows them. */
export function useDraftMeta(saver: NoteSaver, id: string): NoteMeta | undefined {
  const subscribe = useCallback(
    (listener: () => void) =>
      saver.subscribeDraft((changed) => {
        if (changed === id) listener();
      }),
    [saver, id],
  );
  const read = useCallback(() => saver.meta(id), [saver, id]);
  return useSyncExternalStore(subscribe, read);
}
