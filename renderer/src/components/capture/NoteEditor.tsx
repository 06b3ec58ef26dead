import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/capture';
import { directionOf } from '../../../../shared/languages';
import type { NoteSaver } from './noteSaver';
import { snippet } from './noteFormat';
import { useDraftMeta } from './useSaveStatus';

export const editorId = (noteId: string) => `note-editor-${noteId}`;

interface Props {
  note: Note;
  saver: NoteSaver;
  /** Ctrl+Enter goes on writing in the composer; Escape stays on the note. */
  onDone(noteId: string, then: 'composer' | 'row'): void;
  autoFocus: boolean;
}

/**
 * One of the rapporteur's own notes, edited where it stands and saved as it is typed, like the
 * composer. Uncontrolled: a keystroke touches the saver only, never React state.
 */
export function NoteEditor({ note, saver, onDone, autoFocus }: Props) {
  const { t } = useTranslation();
  const box = useRef<HTMLTextAreaElement>(null);
  const meta = useDraftMeta(saver, note.id);
  const lang = meta?.lang ?? note.lang;
  // Only when editing starts: a later render must not pull the focus back from the toolbar.
  const focusOnOpen = useRef(autoFocus);
  useEffect(() => {
    const element = box.current;
    if (!element || !focusOnOpen.current) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);
  return (
    <textarea
      id={editorId(note.id)}
      ref={box}
      className="note-editor"
      defaultValue={saver.fields(note.id)?.text ?? note.text}
      lang={lang}
      dir={directionOf(lang)}
      aria-label={t('capture.note.editLabel', { text: snippet(note.text, 40) })}
      aria-keyshortcuts="Control+Enter Escape"
      onInput={(event) => saver.editText(note.id, event.currentTarget.value)}
      onBlur={() => void saver.flush()}
      onKeyDown={(event) => {
        const finish = (event.ctrlKey || event.metaKey) && event.key === 'Enter';
        if (!finish && event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        onDone(note.id, finish ? 'composer' : 'row');
      }}
    />
  );
}
