import { useEffect, useRef } from 'react';
import type { ParagraphKind } from '../../../../shared/outcome';
import { isHelpKey } from '../isHelpKey';
import { takesKeys } from './draftingShortcuts';

export interface DraftingKeyHandlers {
  step(delta: 1 | -1): void;
  edit(): void;
  back(): void;
  move(direction: 'up' | 'down'): void;
  /** +1: a level deeper (a sub-paragraph), -1: a level up. */
  indent(delta: 1 | -1): void;
  cycleRole(): void;
  addAlternative(): void;
  compose(kind: ParagraphKind): void;
  fromKeyMessages(): void;
  editSources(): void;
  remove(): void;
  project(): void;
  coverage(): void;
  /** The selected paragraph's Decisions tab. */
  decisions(): void;
  toggleHelp(): void;
}

/** Keys that mean "this paragraph", honoured where the focus is on the document or on nothing. */
function onDocument(target: EventTarget | null): boolean {
  return target === document.body || (target instanceof Element && target.closest('.outcome-document') !== null);
}

/**
 * The drafting screen's keyboard (listed in its shortcut help). Letters are read by their place on
 * the keyboard (event.code), so they work in an Arabic or Russian layout too; in a text box only
 * Alt+arrows and Escape act, every other key types.
 */
export function useDraftingKeys(handlers: DraftingKeyHandlers, enabled: boolean): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  }, [handlers]);
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      const h = latest.current;
      const target = event.target;
      const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
      const act = (run: () => void) => {
        event.preventDefault();
        run();
      };
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        if (target instanceof HTMLSelectElement) return;
        return act(() => h.move(event.key === 'ArrowUp' ? 'up' : 'down'));
      }
      if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight') && !takesKeys(target)) {
        const rtl = document.documentElement.dir === 'rtl';
        const inward = (event.key === 'ArrowRight') !== rtl;
        return act(() => h.indent(inward ? 1 : -1));
      }
      if (event.key === 'Escape' && plain && target instanceof Element && target.closest('.paragraph-panel')) return act(h.back);
      if (!plain || takesKeys(target)) return;
      if (isHelpKey(event)) return act(h.toggleHelp);
      if ((event.key === 'ArrowUp' || event.key === 'ArrowDown') && onDocument(target)) return act(() => h.step(event.key === 'ArrowUp' ? -1 : 1));
      if (event.key === 'Enter' && target instanceof HTMLElement && target.dataset.paragraph) return act(h.edit);
      if (event.key === 'Delete' && onDocument(target)) return act(h.remove);
      if (event.shiftKey) return;
      switch (event.code) {
        case 'KeyJ':
          return act(() => h.step(1));
        case 'KeyK':
          return act(() => h.step(-1));
        case 'KeyN':
          return act(() => h.compose('numbered'));
        case 'KeyH':
          return act(() => h.compose('heading'));
        case 'KeyM':
          return act(h.fromKeyMessages);
        case 'KeyS':
          return act(h.editSources);
        case 'KeyP':
          return act(h.project);
        case 'KeyR':
          if (onDocument(target)) return act(h.cycleRole);
          return;
        case 'KeyB':
          if (onDocument(target)) return act(h.addAlternative);
          return;
        case 'KeyC':
          return act(h.coverage);
        case 'KeyD':
          return act(h.decisions);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
