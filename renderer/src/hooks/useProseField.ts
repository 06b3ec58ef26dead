import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { ProseSaver } from '../components/proseSaver';
import type { DraftStatus } from '../components/proseSaving';

export interface ProseText {
  /** What the field shows: typed here (saved or not), or the core's. */
  text: string;
  status: DraftStatus;
  change(text: string): void;
  /** Sends at once, without the pause (the field is left). */
  flush(): Promise<void>;
}

/**
 * One text field saved by a prose saver: `field` of the draft `id` (its row and cell), opened with
 * `fields()` the first time. The core's `stored` text is followed while nothing typed here is
 * waiting (our own save coming back trimmed never moves the caret); the draft is let go, once
 * saved, when the field goes.
 */
export function useProseField<K extends string, F extends Record<K, string>, S>(saver: ProseSaver<F, S>, id: string, field: K, fields: () => F, stored: string): ProseText {
  const make = useRef(fields);
  useEffect(() => {
    make.current = fields;
  });
  if (!saver.has(id)) saver.open(id, fields(), { created: true });

  const subscribe = useCallback(
    (listener: () => void) =>
      saver.subscribeDraft((changed) => {
        if (changed === id) listener();
      }),
    [saver, id],
  );
  const text = useSyncExternalStore(
    subscribe,
    useCallback(() => saver.fields(id)?.[field] ?? '', [saver, id, field]),
  );
  const status = useSyncExternalStore(
    subscribe,
    useCallback(() => saver.draftStatus(id), [saver, id]),
  );

  useEffect(() => {
    // Opened again after a release (React's strict mode mounts twice).
    saver.open(id, make.current(), { created: true });
    return () => {
      saver.release(id);
      void saver.flush();
    };
  }, [saver, id]);

  useEffect(() => {
    const local = saver.fields(id)?.[field];
    if (local === undefined || local.trim() === stored.trim()) return;
    saver.follow(id, { [field]: stored } as Partial<F>);
  }, [saver, id, field, stored]);

  const change = useCallback((next: string) => saver.edit(id, { [field]: next } as Partial<F>), [saver, id, field]);
  const flush = useCallback(() => saver.flush(), [saver]);
  return { text, status, change, flush };
}

/** The `text` of a draft, the field most prose has. */
export function useProseText<F extends { text: string }, S>(saver: ProseSaver<F, S>, id: string, fields: () => F, stored: string): ProseText {
  return useProseField(saver, id, 'text', fields, stored);
}
