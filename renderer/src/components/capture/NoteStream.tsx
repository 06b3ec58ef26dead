import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/capture';
import { NoteRow, type RowView } from './NoteRow';

export interface NoteStreamHandle {
  /** Puts the keyboard on a note, scrolling it into view first. */
  focusNote(noteId: string): void;
  focusLast(): void;
}

interface Props {
  notes: readonly Note[];
  selected: ReadonlySet<string>;
  /** The note edited in place, and whether its box takes the focus (not when a toolbar key opened it). */
  editing: { id: string; focus: boolean } | null;
  view: RowView;
  onBackToComposer(): void;
  handle: Ref<NoteStreamHandle>;
  /** Live notes in the session, loaded or not, for the position screen readers announce. */
  total?: number | undefined;
  /** Older notes are in the core but not loaded: scrolling (or arrowing) to the top fetches them. */
  hasOlder?: boolean;
  onLoadOlder?(): void;
}

const estimatedHeight = 88;
/** How close to the top (in rows) the next older page is fetched, so it is usually there before the top is reached. */
const prefetchRows = 15;

/**
 * The session's notes, oldest at the top and newest at the bottom, next to the composer. Only the
 * rows in view are rendered (10,000 notes in a long session); heights are measured as they show.
 * Arrows move between notes, Space selects, Enter edits, Delete deletes, Escape goes back to writing.
 */
export function NoteStream({ notes, selected, editing, view, onBackToComposer, handle, total, hasOlder = false, onLoadOlder }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string>();
  const pendingFocus = useRef<{ id: string; misses: number; scrolled: boolean } | null>(null);
  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => estimatedHeight,
    overscan: 6,
    getItemKey: (index) => notes[index]?.id ?? index,
  });

  const indexOf = useCallback(
    (noteId: string) => {
      for (let i = notes.length - 1; i >= 0; i--) if (notes[i]?.id === noteId) return i;
      return -1;
    },
    [notes],
  );
  const focusNote = useCallback((noteId: string) => {
    pendingFocus.current = { id: noteId, misses: 0, scrolled: false };
    setActiveId(noteId);
  }, []);
  useImperativeHandle(
    handle,
    () => ({
      focusNote,
      focusLast: () => {
        const last = notes.at(-1);
        if (last) focusNote(last.id);
      },
    }),
    [focusNote, notes],
  );

  // The row asked for may only exist once the virtualiser has scrolled to it (or once an undone
  // delete has put it back): try after every render until it is there.
  useEffect(() => {
    const pending = pendingFocus.current;
    if (!pending || !scroller.current) return;
    const index = indexOf(pending.id);
    if (index < 0) {
      if (++pending.misses > 2) pendingFocus.current = null;
      return;
    }
    // Scrolling first also cancels a scroll still under way towards a note asked for before.
    if (!pending.scrolled) {
      pending.scrolled = true;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
    const row = scroller.current.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(pending.id)}"]`);
    if (row) {
      pendingFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  // The newest note is the one a rapporteur looks at: keep the bottom in view as notes are added.
  // An older page put in above moves everything down by its (estimated) height: scroll by as much
  // so the notes on screen stay where they were.
  const seen = useRef<{ count: number; firstId: string | undefined }>({ count: 0, firstId: undefined });
  const firstId = notes[0]?.id;
  useLayoutEffect(() => {
    const before = seen.current;
    seen.current = { count: notes.length, firstId };
    const element = scroller.current;
    if (notes.length <= before.count || notes.length === 0) return;
    const added = before.firstId === undefined || before.firstId === firstId ? -1 : notes.findIndex((n) => n.id === before.firstId);
    if (added > 0 && element) {
      element.scrollTop += added * estimatedHeight;
      return;
    }
    const nearBottom = !element || before.count === 0 || element.scrollHeight - element.scrollTop - element.clientHeight < estimatedHeight * 3;
    if (nearBottom) virtualizer.scrollToIndex(notes.length - 1, { align: 'end' });
  }, [notes, firstId, virtualizer]);

  const onScroll = useCallback(() => {
    const element = scroller.current;
    if (hasOlder && onLoadOlder && element && element.scrollTop < estimatedHeight * prefetchRows) onLoadOlder();
  }, [hasOlder, onLoadOlder]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>, note: Note, index: number) => {
      if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
      const go = (to: number) => {
        // Past the oldest note loaded: fetch the page before it; the key pressed again moves on.
        if (to < 0 && hasOlder) onLoadOlder?.();
        const target = notes[Math.max(0, Math.min(notes.length - 1, to))];
        if (target) focusNote(target.id);
      };
      const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / estimatedHeight));
      switch (event.key) {
        case 'ArrowUp':
          go(index - 1);
          break;
        case 'ArrowDown':
          go(index + 1);
          break;
        case 'PageUp':
          go(index - page);
          break;
        case 'PageDown':
          go(index + page);
          break;
        case 'Home':
          go(0);
          break;
        case 'End':
          go(notes.length - 1);
          break;
        case ' ':
          view.onToggle(note.id);
          break;
        case 'Enter':
          if (!note.mine) return;
          view.onEdit(note.id);
          break;
        case 'Delete':
          if (!note.mine) return;
          view.onDelete(note);
          break;
        case 'Escape':
          onBackToComposer();
          break;
        default:
          return;
      }
      event.preventDefault();
    },
    [notes, focusNote, view, onBackToComposer, hasOlder, onLoadOlder],
  );
  const onFocus = useCallback((noteId: string) => setActiveId(noteId), []);

  const items = virtualizer.getVirtualItems();
  // Without a row the keyboard was on (first visit, or that note deleted), the newest takes the tab stop.
  const tabStop = activeId && indexOf(activeId) >= 0 ? activeId : notes.at(-1)?.id;
  return (
    <div ref={scroller} className="capture-stream" onScroll={onScroll}>
      <div role="list" aria-label={t('capture.stream.label')} className="stream-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const note = notes[item.index];
          if (!note) return null;
          return (
            <NoteRow
              key={note.id}
              note={note}
              index={item.index}
              total={Math.max(total ?? 0, notes.length)}
              position={Math.max(0, (total ?? 0) - notes.length) + item.index + 1}
              selected={selected.has(note.id)}
              editing={editing?.id === note.id ? (editing.focus ? 'focus' : 'quiet') : false}
              active={tabStop === note.id}
              start={item.start}
              view={view}
              measure={virtualizer.measureElement}
              onKeyDown={onKeyDown}
              onFocus={onFocus}
            />
          );
        })}
      </div>
    </div>
  );
}
