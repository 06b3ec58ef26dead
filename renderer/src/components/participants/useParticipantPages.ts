import { useCallback, useEffect, useRef, useState } from 'react';
import type { Participant, ParticipantQuery } from '../../../../shared/participants';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';

export const pageSize = 200;

export type ListQuery = Omit<ParticipantQuery, 'offset' | 'limit'>;

interface PagesState {
  /** Which query and which refresh the pages answer; answers to any other are dropped. */
  epoch: string;
  total: number | undefined;
  pages: ReadonlyMap<number, readonly Participant[]>;
  error?: AppError;
}

export interface ParticipantPages {
  total: number | undefined;
  /** The row at an index, once its page has arrived. */
  row(index: number): Participant | undefined;
  /** True while the shown rows answer an earlier query than the one asked. */
  stale: boolean;
  error: AppError | undefined;
  /** Asks for the pages on screen; pages already asked for are not fetched again. */
  ensure(pages: readonly number[]): void;
  /** Fetches the pages on screen again (after a change), replacing the cache only when all have arrived. */
  refresh(): Promise<void>;
}

/**
 * The list of 25,000 people, fetched in pages as they scroll into view and kept in a map by page
 * index: the renderer never holds more than it has shown.
 */
export function useParticipantPages(query: ListQuery): ParticipantPages {
  const key = JSON.stringify(query);
  const [state, setState] = useState<PagesState>({ epoch: '', total: undefined, pages: new Map() });
  const epoch = useRef('');
  const generation = useRef(0);
  const requested = useRef(new Set<number>());
  const onScreen = useRef<readonly number[]>([0]);

  const fetchPage = useCallback(
    (queryKey: string, page: number) =>
      api['participants:query']({ ...(JSON.parse(queryKey) as ListQuery), offset: page * pageSize, limit: pageSize }),
    [],
  );

  const load = useCallback(
    async (queryKey: string, pages: readonly number[]) => {
      const thisEpoch = `${queryKey}@${++generation.current}`;
      epoch.current = thisEpoch;
      const results = await Promise.all(pages.map((page) => fetchPage(queryKey, page)));
      if (epoch.current !== thisEpoch) return;
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) {
        setState((s) => ({ ...s, error: failed.error }));
        return;
      }
      const map = new Map<number, readonly Participant[]>();
      let total = 0;
      results.forEach((result, i) => {
        if (!result.ok) return;
        map.set(pages[i] ?? 0, result.value.rows);
        total = result.value.total;
      });
      requested.current = new Set(pages);
      setState({ epoch: thisEpoch, total, pages: map });
    },
    [fetchPage],
  );

  useEffect(() => {
    onScreen.current = [0];
    void load(key, [0]);
  }, [key, load]);

  const ensure = useCallback(
    (pages: readonly number[]) => {
      onScreen.current = pages;
      const current = epoch.current;
      // Until the query's first page is in (the table asks before its parent's effect has run),
      // the first load covers what is on screen.
      if (!current || state.epoch !== current) return;
      const queryKey = current.slice(0, current.lastIndexOf('@'));
      for (const page of pages) {
        if (requested.current.has(page)) continue;
        requested.current.add(page);
        void fetchPage(queryKey, page).then((result) => {
          if (epoch.current !== current) return;
          if (!result.ok) {
            requested.current.delete(page);
            setState((s) => ({ ...s, error: result.error }));
            return;
          }
          setState((s) =>
            s.epoch === current ? { ...s, total: result.value.total, pages: new Map(s.pages).set(page, result.value.rows) } : s,
          );
        });
      }
    },
    [fetchPage, state.epoch],
  );

  const refresh = useCallback(() => load(key, onScreen.current.length ? onScreen.current : [0]), [key, load]);

  const { pages } = state;
  const row = useCallback((index: number) => pages.get(Math.floor(index / pageSize))?.[index % pageSize], [pages]);

  return {
    total: state.total,
    row,
    stale: !state.epoch.startsWith(`${key}@`),
    error: state.error,
    ensure,
    refresh,
  };
}
