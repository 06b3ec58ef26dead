import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyMessage } from '../../../../shared/keyMessages';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { localStore } from '../../hooks/localStore';
import { useProseSaver } from '../../hooks/useProseSaver';
import { ProseSaver } from '../proseSaver';
import type { KeyMessageActions, KeyMessagePatch } from './keyMessageActions';
import { byPosition, moveTarget } from './keyMessageOrder';
import { keyMessageCopyPrefix, keyMessageTextTarget } from './keyMessageTextTarget';

export type LastAction =
  | { kind: 'deleted'; message: KeyMessage }
  | { kind: 'restored'; message: KeyMessage }
  | { kind: 'merged'; kept: KeyMessage; mergeId: string }
  | { kind: 'unmerged'; kept: KeyMessage };

interface Options {
  forumId: string;
  loaded: readonly KeyMessage[];
  reloadList(): void;
  /** Counts and duplicate suggestions change with what is kept, validated or merged. */
  onCountsChanged(): void;
  /** How many texts an earlier page left unsaved and are being saved now. */
  onRecovered(count: number): void;
}

const replace = (list: readonly KeyMessage[], message: KeyMessage) => list.map((m) => (m.id === message.id ? message : m));

/**
 * The screen's key messages and everything done to them: each answer from the core replaces the
 * one message it concerns, so typing in one card never reloads (and never resets) another.
 */
export function useKeyMessageState({ forumId, loaded, reloadList, onCountsChanged, onRecovered }: Options) {
  const [messages, setMessages] = useState<readonly KeyMessage[]>(loaded);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [lastAction, setLastAction] = useState<LastAction>();
  const [error, setError] = useState<AppError>();
  const current = useRef(messages);
  const refocus = useRef<Element | null>(null);
  // One change at a time, in the order asked: answers then land in order (a late answer to an
  // earlier edit never undoes a later one on screen), and two quick Alt+Down presses move twice.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);
  const apply = useCallback((update: (list: readonly KeyMessage[]) => readonly KeyMessage[]) => {
    current.current = update(current.current);
    setMessages(current.current);
  }, []);

  useEffect(() => {
    current.current = loaded;
    setMessages(loaded);
  }, [loaded]);
  useEffect(() => {
    current.current = messages;
    // Reordering moved the focused card in the page, which takes the focus away: give it back.
    const element = refocus.current;
    refocus.current = null;
    if (element instanceof HTMLElement && element.isConnected && document.activeElement !== element) element.focus();
  }, [messages]);

  const textSaver = useProseSaver(
    () => new ProseSaver(keyMessageTextTarget((input) => api['keyMessages:update'](input)), localStore(), { copyPrefix: keyMessageCopyPrefix(forumId), lane: enqueue }),
  );
  useEffect(() => textSaver.onSaved((_id, message) => apply((list) => replace(list, message))), [textSaver, apply]);
  // Text typed here that an earlier page could not save is sent now.
  const recovered = useRef(false);
  const report = useRef(onRecovered);
  useEffect(() => {
    report.current = onRecovered;
  });
  useEffect(() => {
    if (recovered.current) return;
    recovered.current = true;
    const live = new Set(loaded.map((m) => m.id));
    const copies = textSaver.storedCopies((copy) => live.has(copy.fields.messageId));
    copies.forEach((copy) => textSaver.adopt(copy));
    if (copies.length > 0) report.current(copies.length);
  }, [loaded, textSaver]);

  const fail = useCallback((failure: AppError) => {
    setError(failure);
    return false;
  }, []);

  const actions = useMemo<KeyMessageActions>(
    () => ({
      textSaver,
      update: (id: string, patch: KeyMessagePatch) =>
        enqueue(async () => {
          setError(undefined);
          const result = await api['keyMessages:update']({ id, ...patch });
          if (!result.ok) return fail(result.error);
          apply((list) => replace(list, result.value));
          if (patch.status) onCountsChanged();
          return true;
        }),
      move(id: string, direction: 'up' | 'down') {
        const focused = document.activeElement;
        void enqueue(async () => {
          const message = current.current.find((m) => m.id === id);
          if (!message) return false;
          const session = current.current.filter((m) => m.sessionId === message.sessionId).sort(byPosition);
          const target = moveTarget(session, id, direction);
          if (!target) return false;
          setError(undefined);
          const result = await api['keyMessages:move']({ id, ...target });
          if (!result.ok) return fail(result.error);
          refocus.current = focused;
          apply((list) => replace(list, result.value));
          return true;
        });
      },
      remove(message: KeyMessage) {
        void enqueue(async () => {
          setError(undefined);
          const result = await api['keyMessages:setDeleted']({ id: message.id, deleted: true });
          if (!result.ok) return fail(result.error);
          apply((list) => list.filter((m) => m.id !== message.id));
          setSelected((ids) => ids.filter((s) => s !== message.id));
          setLastAction({ kind: 'deleted', message });
          onCountsChanged();
          return true;
        });
      },
      toggleSelected(id: string) {
        // Two at a time: picking a third lets go of the one picked first.
        setSelected((ids) => (ids.includes(id) ? ids.filter((s) => s !== id) : [...ids, id].slice(-2)));
      },
      choose(id: string, lang: string, text: string) {
        void enqueue(async () => {
          setError(undefined);
          const result = await api['prose:choose']({ table: 'key_messages', rowId: id, cell: `text@${lang}`, text });
          if (!result.ok) return fail(result.error);
          reloadList();
          return true;
        });
      },
    }),
    [textSaver, enqueue, apply, fail, onCountsChanged, reloadList],
  );

  const merge = useCallback(
    (keepId: string, mergeId: string, text: Record<string, string> | undefined) =>
      enqueue(async () => {
        const kept = current.current.find((m) => m.id === keepId);
        const result = await api['keyMessages:merge']({ keepId, mergeId, ...(text ? { text } : {}) });
        if (!result.ok) return result.error;
        apply((list) => replace(list, result.value).filter((m) => m.id !== mergeId));
        setSelected([]);
        if (kept) setLastAction({ kind: 'merged', kept, mergeId });
        onCountsChanged();
        return undefined;
      }),
    [enqueue, apply, onCountsChanged],
  );

  const undoLast = useCallback(async () => {
    if (!lastAction || (lastAction.kind !== 'deleted' && lastAction.kind !== 'merged')) return;
    setError(undefined);
    const id = lastAction.kind === 'deleted' ? lastAction.message.id : lastAction.mergeId;
    const result = await api['keyMessages:setDeleted']({ id, deleted: false });
    if (!result.ok) return fail(result.error);
    if (lastAction.kind === 'merged') {
      // The merge may have rewritten the kept message's text: put back what it said before.
      const before = lastAction.kept;
      const now = current.current.find((m) => m.id === before.id);
      const changed = Object.fromEntries(
        Object.keys({ ...before.text, ...now?.text }).filter((lang) => (now?.text[lang] ?? '') !== (before.text[lang] ?? '')).map((lang) => [lang, before.text[lang] ?? '']),
      );
      if (Object.keys(changed).length > 0) {
        const restored = await api['keyMessages:update']({ id: before.id, text: changed });
        if (!restored.ok) fail(restored.error);
      }
      setLastAction({ kind: 'unmerged', kept: before });
    } else {
      setLastAction({ kind: 'restored', message: lastAction.message });
    }
    reloadList();
    onCountsChanged();
    return true;
  }, [lastAction, fail, reloadList, onCountsChanged]);
  const undo = useCallback(() => enqueue(undoLast), [enqueue, undoLast]);

  return {
    messages,
    selected,
    clearSelection: useCallback(() => setSelected([]), []),
    actions,
    merge,
    undo,
    lastAction,
    dismissLastAction: useCallback(() => setLastAction(undefined), []),
    error,
  };
}
