import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ParagraphRole } from '../../../../shared/paragraphPlace';
import type { DraftParagraph, OutcomeDocument, ParagraphKind, ParagraphStatus } from '../../../../shared/outcome';
import type { AppError, Result } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { inOrder, moveTarget, withoutParagraph, withParagraph } from './draftOrder';
import { useDraftSavers } from './useDraftSavers';

export type DraftAction = { kind: 'deleted'; paragraph: DraftParagraph } | { kind: 'restored'; paragraph: DraftParagraph };

export interface ParagraphPatch {
  text?: Record<string, string>;
  status?: ParagraphStatus;
  kind?: ParagraphKind;
  role?: ParagraphRole | null;
  level?: number;
  proposers?: string[];
}

export interface NewParagraph {
  /** Chosen here: a create retried after a lost answer finds the paragraph the first one made. */
  id: string;
  after: string | null;
  kind: ParagraphKind;
  text: Record<string, string>;
  keyMessageIds?: string[];
  /** A paragraph written after an operative one is operative too (and a sub-paragraph after a sub-paragraph). */
  role?: ParagraphRole | null;
  level?: number;
}

/**
 * The document's paragraphs and everything done to them. Each answer from the core replaces the
 * one paragraph it concerns (numbers are recounted here), so typing in one paragraph never reloads
 * the document, and opening it costs one call whatever its size. Texts are saved by the prose
 * savers, in the same line as every other change, so answers land in the order asked.
 */
export function useDraftState(loaded: OutcomeDocument, reload: () => void, onRecovered: (count: number) => void) {
  const [paragraphs, setParagraphs] = useState<readonly DraftParagraph[]>(() => inOrder(loaded.paragraphs));
  const [lastAction, setLastAction] = useState<DraftAction>();
  const [error, setError] = useState<AppError>();
  const current = useRef(paragraphs);
  // One change at a time, in the order asked: a late answer to an earlier edit never undoes a
  // later one on screen, and two quick Alt+Down presses move twice.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
  const apply = useCallback((update: (list: readonly DraftParagraph[]) => DraftParagraph[]) => {
    current.current = update(current.current);
    setParagraphs(current.current);
  }, []);

  useEffect(() => {
    current.current = inOrder(loaded.paragraphs);
    setParagraphs(current.current);
  }, [loaded]);

  const { paragraphSaver, amendmentSaver } = useDraftSavers({ loaded, lane: enqueue, onParagraphSaved: apply, reload, onRecovered });

  const update = useCallback(
    (id: string, patch: ParagraphPatch) =>
      enqueue(async (): Promise<AppError | undefined> => {
        const result = await api['paragraphs:update']({ id, ...patch });
        if (!result.ok) return result.error;
        apply((list) => withParagraph(list, result.value));
        return undefined;
      }),
    [apply, enqueue],
  );

  const create = useCallback(
    (input: NewParagraph) =>
      enqueue(async (): Promise<Result<DraftParagraph>> => {
        const result = await api['paragraphs:create']({ documentId: loaded.id, ...input });
        if (result.ok) apply((list) => withParagraph(list, result.value));
        return result;
      }),
    [apply, enqueue, loaded.id],
  );

  const move = useCallback(
    (id: string, direction: 'up' | 'down') =>
      enqueue(async () => {
        const target = moveTarget(current.current, id, direction);
        if (!target) return;
        setError(undefined);
        const result = await api['paragraphs:move']({ id, ...target });
        if (result.ok) apply((list) => withParagraph(list, result.value));
        else setError(result.error);
      }),
    [apply, enqueue],
  );

  const setDeleted = useCallback(
    (paragraph: DraftParagraph, deleted: boolean) =>
      enqueue(async () => {
        setError(undefined);
        const result = await api['paragraphs:setDeleted']({ id: paragraph.id, deleted });
        if (!result.ok) {
          setError(result.error);
          return false;
        }
        apply((list) => (deleted ? withoutParagraph(list, paragraph.id) : withParagraph(list, paragraph)));
        setLastAction({ kind: deleted ? 'deleted' : 'restored', paragraph });
        // Brought back, its amendments and stances may have moved on meanwhile: read it afresh.
        if (!deleted) reload();
        return true;
      }),
    [apply, enqueue, reload],
  );

  const setSources = useCallback(
    (id: string, keyMessageIds: string[]) =>
      enqueue(async (): Promise<AppError | undefined> => {
        const result = await api['paragraphs:setSources']({ id, keyMessageIds });
        if (!result.ok) return result.error;
        apply((list) => withParagraph(list, result.value));
        return undefined;
      }),
    [apply, enqueue],
  );

  const undo = useCallback(() => {
    if (lastAction?.kind === 'deleted') void setDeleted(lastAction.paragraph, false);
  }, [lastAction, setDeleted]);

  const actions = useMemo(
    () => ({ update, create, move, setSources, remove: (p: DraftParagraph) => setDeleted(p, true) }),
    [update, create, move, setSources, setDeleted],
  );
  return {
    paragraphs,
    paragraphSaver,
    amendmentSaver,
    actions,
    undo,
    lastAction,
    dismissLastAction: () => setLastAction(undefined),
    error,
    setError,
  };
}
