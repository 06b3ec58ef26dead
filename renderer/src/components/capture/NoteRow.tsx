import { memo, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/capture';
import { directionOf } from '../../../../shared/languages';
import { languageLabel } from '../agenda/agendaFormat';
import { NoteAlternatives } from './NoteAlternatives';
import { NoteEditor } from './NoteEditor';
import type { NoteSaver } from './noteSaver';
import { formatTime } from '../../i18n/intlFormat';
import { snippet, type TagOption } from './noteFormat';
import { TagChips } from './TagChips';

/** What every row needs and that changes rarely: one object, so rows compare cheaply. */
export interface RowView {
  timeZone: string;
  uiLanguage: string;
  byTag: ReadonlyMap<string, TagOption>;
  speakerOf(note: Note): string;
  saver: NoteSaver;
  onToggle(noteId: string): void;
  onEdit(noteId: string): void;
  onDelete(note: Note): void;
  onEditorDone(noteId: string, then: 'composer' | 'row'): void;
  onChosen(note: Note, text: string): void;
  /** The note a search result opened the screen at: marked until the screen is left. */
  foundId?: string | undefined;
}

interface Props {
  note: Note;
  index: number;
  total: number;
  /** 1-based place in the whole session (older notes may not be loaded yet). */
  position: number;
  selected: boolean;
  /** Edited in place; 'focus' puts the keyboard in its box. */
  editing: 'focus' | 'quiet' | false;
  /** The row the keyboard is on (roving tab stop): only it and its controls take Tab. */
  active: boolean;
  start: number;
  view: RowView;
  measure: Ref<HTMLDivElement>;
  onKeyDown(event: KeyboardEvent<HTMLDivElement>, note: Note, index: number): void;
  onFocus(noteId: string): void;
}

/** One note in the stream, in its own language and direction. */
export const NoteRow = memo(function NoteRow({ note, index, total, position, selected, editing, active, start, view, measure, onKeyDown, onFocus }: Props) {
  const { t } = useTranslation();
  const time = formatTime(note.createdAt, view.uiLanguage, view.timeZone);
  const speaker = view.speakerOf(note);
  const short = snippet(note.text, 48);
  const tab = active ? 0 : -1;
  const classes = ['note-row', note.mine ? 'mine' : 'theirs', selected ? 'selected' : '', note.keyPoint ? 'key-point' : '', editing ? 'editing' : '', view.foundId === note.id ? 'found' : ''];
  return (
    <div
      ref={measure}
      data-index={index}
      data-note-id={note.id}
      role="listitem"
      aria-posinset={position}
      aria-setsize={total}
      aria-current={view.foundId === note.id ? 'true' : undefined}
      tabIndex={tab}
      className={classes.filter(Boolean).join(' ')}
      style={{ transform: `translateY(${start}px)` }}
      onKeyDown={(event) => onKeyDown(event, note, index)}
      onFocus={() => onFocus(note.id)}
    >
      <div className="note-meta">
        <input type="checkbox" tabIndex={tab} checked={selected} onChange={() => view.onToggle(note.id)} aria-label={t('capture.note.select', { text: short })} />
        <time dateTime={note.createdAt}>{time}</time>
        <span className={speaker ? 'note-speaker' : 'note-speaker none'}>
          <bdi>{speaker || t('capture.note.noSpeaker')}</bdi>
        </span>
        <abbr className="note-lang" title={languageLabel(note.lang, view.uiLanguage)}>
          {note.lang}
        </abbr>
        {note.keyPoint && <span className="key-point-mark">{t('capture.note.keyPoint')}</span>}
        {note.keyMessageIds.length > 0 && <span className="badge">{t('capture.note.inKeyMessage')}</span>}
        <TagChips tags={note.tags} byTag={view.byTag} />
      </div>
      {editing ? (
        <NoteEditor note={note} saver={view.saver} onDone={view.onEditorDone} autoFocus={editing === 'focus'} />
      ) : (
        <p className={note.mine ? 'note-text editable' : 'note-text'} lang={note.lang} dir={directionOf(note.lang)} onClick={note.mine ? () => view.onEdit(note.id) : undefined}>
          {note.text}
        </p>
      )}
      <div className="note-actions">
        {note.mine ? (
          <>
            {!editing && (
              <button type="button" className="link-button" tabIndex={tab} onClick={() => view.onEdit(note.id)} aria-label={t('capture.note.editLabel', { text: short })}>
                {t('capture.note.edit')}
              </button>
            )}
            <button type="button" className="link-button" tabIndex={tab} onClick={() => view.onDelete(note)} aria-label={t('capture.note.deleteLabel', { text: short })}>
              {t('capture.note.delete')}
            </button>
          </>
        ) : (
          <span className="hint">{t('capture.note.readOnly')}</span>
        )}
      </div>
      {note.alternatives.length > 0 && <NoteAlternatives note={note} tabIndex={tab} onChosen={view.onChosen} />}
    </div>
  );
});
