import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSession } from '../../../../shared/agenda';
import type { Catalogue, Note } from '../../../../shared/capture';
import type { Forum } from '../../../../shared/forum';
import { uiLanguages } from '../../../../shared/languages';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useForumRoles } from '../../hooks/useForumRoles';
import { navigate } from '../../hooks/useRoute';
import { ErrorMessage } from '../ErrorMessage';
import { UndoBanner } from '../participants/UndoBanner';
import { useUndoShortcut } from '../participants/useUndoShortcut';
import { CaptureHeader } from './CaptureHeader';
import { sessionSpeakers } from './captureSessions';
import { Composer } from './Composer';
import { ComposerNotices } from './ComposerNotices';
import { editorId } from './NoteEditor';
import { formatTime } from '../../i18n/intlFormat';
import { catalogueOptions, newNoteId, snippet, type TagOption } from './noteFormat';
import { fieldsOf, isBlank, NoteSaver } from './noteSaver';
import type { RowView } from './NoteRow';
import { NoteStream, type NoteStreamHandle } from './NoteStream';
import { NoteToolbar } from './NoteToolbar';
import { SaveStatus } from './SaveStatus';
import { ShortcutHelp } from './ShortcutHelp';
import { useCaptureKeys } from './useCaptureKeys';
import { useComposerChoices } from './useComposerChoices';
import { useDraftMeta } from './useSaveStatus';
import { useNoteActions } from './useNoteActions';
import { localStore, useRememberedFlag } from './useRememberedFlag';
import { useLanguageSuggestion } from './useLanguageSuggestion';
import { lastWorkingLanguage, useSessionLanguage } from './useSessionLanguage';
import { useSaverLifecycle } from './useSaverLifecycle';
import { useFoundNote } from './useFoundNote';
import { useSessionNotes } from './useSessionNotes';

interface Props {
  forum: Forum;
  session: AgendaSession;
  catalogues: readonly Catalogue[];
  /** A note to open the stream at, scrolled to, marked and focused (a search result). */
  foundNoteId?: string | undefined;
  /** Shown at the top of the side column: the session's speakers' list. */
  side?: ReactNode;
}

const rowOf = (element: Element | null) => element?.closest<HTMLElement>('[data-note-id]')?.dataset.noteId;

/** One session's capture: the stream of notes, the note being written, and every action on the keyboard. */
export function CaptureSession({ forum, session, catalogues, foundNoteId, side }: Props) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.language;
  const sessionId = session.id;
  const ids = useId();
  const statusId = `${ids}-status`;
  const hintId = `${ids}-hint`;
  const sessionNotes = useSessionNotes(forum.id, sessionId);
  const { notes, upsert, update } = sessionNotes;
  const [saver] = useState(() => new NoteSaver({ create: (input) => api['notes:create'](input), update: (input) => api['notes:update'](input) }, localStore()));
  const [lang, setLang] = useSessionLanguage(forum.id, sessionId, forum.languages, forum.sourceLanguage, uiLanguage);
  const lastUsed = useCallback(() => lastWorkingLanguage(forum.id), [forum.id]);
  const suggestion = useLanguageSuggestion(forum.languages, lastUsed);
  const [resetSpeaker, setResetSpeaker] = useRememberedFlag('plenary.capture.resetSpeaker', false);
  const keyMessages = useApiQuery('keyMessages:list', { forumId: forum.id, sessionId });
  // A rapporteur's (for this session, if their role names sessions); others read the notes only.
  const canNote = useForumRoles(forum.id).can('notes', ['text'], sessionId);
  const [composerId, setComposerId] = useState(newNoteId);
  const [editing, setEditing] = useState<{ id: string; focus: boolean } | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [tagPickerOpen, setTagPickerOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useRememberedFlag('plenary.capture.help', true);
  // An announcement belongs to the language it was made in: after the UI language changes it is
  // no longer read out (the next action announces itself in the new language).
  const [announced, setAnnounced] = useState({ text: '', language: '' });
  const setAnnouncement = useCallback((text: string) => setAnnounced({ text, language: i18n.language }), [i18n.language]);
  const announcement = announced.language === i18n.language ? announced.text : '';
  const [actionError, setActionError] = useState<AppError>();
  const composerBox = useRef<HTMLTextAreaElement>(null);
  const speakerInput = useRef<HTMLInputElement>(null);
  const languageSelect = useRef<HTMLSelectElement>(null);
  const helpPanel = useRef<HTMLDetailsElement>(null);
  const stream = useRef<NoteStreamHandle>(null);

  // The composer's draft exists before its first character, so speaker, tags and language can be set first.
  if (!saver.has(composerId)) {
    saver.openNote(composerId, { sessionId, lang, text: '', speakerId: null, speakerName: '', tags: [], keyPoint: false });
  }
  const editingId = editing?.id ?? null;
  const targetId = editingId ?? composerId;

  const latest = useRef({ notes, editingId, composerId, selected });
  useLayoutEffect(() => {
    latest.current = { notes, editingId, composerId, selected };
  });

  // A rapporteur opens a session to write in it: the keyboard starts in the composer, unless it is
  // still on the session list (arrows there open each session in turn; Escape comes here).
  // A search result opened the screen: the keyboard goes to that note instead.
  useEffect(() => {
    if (!foundNoteId && !(document.activeElement instanceof HTMLSelectElement)) composerBox.current?.focus();
  }, [foundNoteId]);
  useFoundNote(foundNoteId, sessionNotes, stream);

  useSaverLifecycle({ saver, sessionId, notes, upsert, update, onRecovered: (count) => setAnnouncement(t('capture.recovered', { number: count })) });

  const speakers = useMemo(() => sessionSpeakers(session), [session]);
  const sessionNames = useMemo(() => new Map(session.roles.map((role) => [role.participantId, role.name])), [session]);
  const picked = useRef(new Map<string, string>());
  const speakerOf = useCallback(
    (note: Note) => note.speakerName || (note.speakerId ? (sessionNames.get(note.speakerId) ?? picked.current.get(note.speakerId) ?? '') : ''),
    [sessionNames],
  );

  const prefix = useCallback((id: Catalogue['id']) => t(`capture.tags.prefix.${id}`), [t]);
  const tagOptions = useMemo(() => catalogueOptions(catalogues, uiLanguage, prefix), [catalogues, uiLanguage, prefix]);
  const byTag = useMemo(() => new Map<string, TagOption>(tagOptions.map((o) => [o.tag, o])), [tagOptions]);
  const themes = useMemo(() => {
    const found = new Set<string>();
    for (const note of notes ?? []) for (const tag of note.tags) if (tag.startsWith('theme:')) found.add(tag.slice(6));
    return [...found].sort((a, b) => a.localeCompare(b, uiLanguage));
  }, [notes, uiLanguage]);

  const focusText = useCallback(() => {
    const id = latest.current.editingId;
    const box = id ? document.getElementById(editorId(id)) : composerBox.current;
    box?.focus();
  }, []);

  /** Ends editing a stream note: what was typed shows in the stream, the save goes on. */
  const closeEditor = useCallback(
    (noteId: string) => {
      const note = saver.note(noteId);
      if (note) update(noteId, () => note);
      saver.release(noteId);
      void saver.flush();
    },
    [saver, update],
  );

  const startEditing = useCallback(
    (noteId: string, focus = true) => {
      const note = latest.current.notes?.find((n) => n.id === noteId);
      if (!note?.mine) return false;
      const previous = latest.current.editingId;
      if (previous && previous !== noteId) closeEditor(previous);
      saver.openNote(noteId, fieldsOf(note), note);
      setEditing({ id: noteId, focus });
      return true;
    },
    [saver, closeEditor],
  );

  const focusComposer = useCallback(() => composerBox.current?.focus(), []);
  const actions = useNoteActions({ sessionId, saver, sessionNotes, stream, latest, setEditing, setSelected, setAnnouncement, setActionError, focusComposer, onPromoted: keyMessages.reload });
  const { remove: removeNote, promote: promoteNotes, discardNote, undo, undoState } = actions;

  const onEditorDone = useCallback(
    (noteId: string, then: 'composer' | 'row') => {
      const text = saver.fields(noteId)?.text ?? '';
      setEditing(null);
      if (isBlank(text)) {
        // An emptied note is not kept: it goes, with the same undo as Delete.
        const note = latest.current.notes?.find((n) => n.id === noteId);
        if (note) void removeNote(note);
        return;
      }
      closeEditor(noteId);
      if (then === 'composer') composerBox.current?.focus();
      else stream.current?.focusNote(noteId);
    },
    [saver, closeEditor, removeNote],
  );


  /** The note a toolbar action applies to; a focused note of one's own is opened for editing first. */
  const metaTarget = useCallback(() => {
    const row = rowOf(document.activeElement);
    const { editingId: current, composerId: composer } = latest.current;
    if (row && row !== current && startEditing(row, false)) return row;
    return current ?? composer;
  }, [startEditing]);

  const setMeta = useCallback(
    (id: string, patch: Parameters<NoteSaver['setMeta']>[1]) => {
      saver.setMeta(id, patch);
      if (id !== latest.current.composerId) {
        const note = saver.note(id);
        if (note) update(id, () => note);
      }
    },
    [saver, update],
  );

  const { carriedSpeaker, setCarriedSpeaker, onSpeaker, clearSpeaker, onLanguage, acceptLanguage } = useComposerChoices({
    setMeta, composerId, targetId, setLang, suggestion, setAnnouncement, picked,
  });
  const finishNote = useCallback(() => {
    const id = composerId;
    const fields = saver.fields(id);
    if (!fields) return;
    if (isBlank(fields.text)) {
      // Nothing to finish; a note emptied after it was saved goes away.
      if (!saver.isCreated(id)) return;
      void discardNote(id);
    } else {
      const note = saver.note(id);
      if (note) upsert(note);
      saver.release(id);
      void saver.flush();
    }
    const next = newNoteId();
    // The speaker usually goes on talking: kept for the next note, visibly (unless this laptop
    // resets it after each note); tags and key point start afresh.
    const speaker = resetSpeaker ? { speakerId: null, speakerName: '' } : { speakerId: fields.speakerId, speakerName: fields.speakerName };
    saver.openNote(next, { ...fields, ...speaker, text: '', tags: [], keyPoint: false });
    setCarriedSpeaker(speaker.speakerName || undefined);
    if (composerBox.current) composerBox.current.value = '';
    suggestion.recheck(fields.lang, '');
    setComposerId(next);
  }, [composerId, saver, upsert, discardNote, resetSpeaker, suggestion, setCarriedSpeaker]);
  const onAddTag = useCallback(
    (option: TagOption) => {
      const tags = saver.meta(targetId)?.tags ?? [];
      if (!tags.includes(option.tag)) setMeta(targetId, { tags: [...tags, option.tag] });
      setTagPickerOpen(false);
      setAnnouncement(t('capture.tags.added', { tag: option.label }));
      focusText();
    },
    [saver, setMeta, targetId, t, focusText, setAnnouncement],
  );
  const onRemoveTag = useCallback(
    (tag: string) => setMeta(targetId, { tags: (saver.meta(targetId)?.tags ?? []).filter((x) => x !== tag) }),
    [saver, setMeta, targetId],
  );
  const toggleKeyPoint = useCallback(() => {
    const id = metaTarget();
    const on = !(saver.meta(id)?.keyPoint ?? false);
    setMeta(id, { keyPoint: on });
    setAnnouncement(on ? t('capture.keyPoint.on') : t('capture.keyPoint.off'));
  }, [metaTarget, saver, setMeta, t, setAnnouncement]);

  const promote = useCallback(() => {
    const { selected: chosen, editingId: current, composerId: composer } = latest.current;
    const row = rowOf(document.activeElement);
    void promoteNotes(chosen.size > 0 ? [...chosen] : [row ?? current ?? composer]);
  }, [promoteNotes]);

  useCaptureKeys({
    speaker: () => {
      metaTarget();
      speakerInput.current?.focus();
    },
    clearSpeaker,
    language: () => {
      metaTarget();
      languageSelect.current?.focus();
    },
    acceptLanguage,
    tag: () => {
      metaTarget();
      setTagPickerOpen(true);
    },
    keyPoint: toggleKeyPoint,
    promote,
    notes: () => {
      const current = latest.current.editingId;
      if (current) stream.current?.focusNote(current);
      else stream.current?.focusLast();
    },
    search: () => navigate({ name: 'search', id: forum.id }),
    write: () => composerBox.current?.focus(),
    help: () => {
      setHelpOpen(!helpOpen);
      helpPanel.current?.querySelector('summary')?.focus();
    },
  });
  useUndoShortcut(undo, undoState?.state === 'deleted');

  const onToggle = useCallback((noteId: string) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (!next.delete(noteId)) next.add(noteId);
      return next;
    });
  }, []);
  const onChosen = useCallback((note: Note, text: string) => update(note.id, (n) => ({ ...n, text, alternatives: [] })), [update]);
  const view: RowView = useMemo(
    () => ({
      timeZone: forum.timeZone,
      uiLanguage,
      byTag,
      speakerOf,
      saver,
      onToggle,
      onEdit: (noteId: string) => void (canNote.allowed && startEditing(noteId)),
      onDelete: (note: Note) => void (canNote.allowed && removeNote(note)),
      onEditorDone,
      onChosen,
      foundId: foundNoteId,
    }),
    [forum.timeZone, uiLanguage, byTag, speakerOf, saver, onToggle, startEditing, removeNote, onEditorDone, onChosen, foundNoteId, canNote.allowed],
  );

  const editedNote = editingId ? notes?.find((n) => n.id === editingId) : undefined;
  const composerMeta = useDraftMeta(saver, composerId);
  return (
    <div className="capture-session">
      <CaptureHeader forum={forum} session={session} notes={sessionNotes.total} keyMessages={keyMessages.data?.length} />
      <div className="capture-layout">
        <div className="capture-main">
          {sessionNotes.error && <ErrorMessage error={sessionNotes.error} />}
          {!notes ? (
            <p aria-busy="true">{t('common.loading')}</p>
          ) : notes.length === 0 ? (
            <div className="empty-state capture-empty">
              <p>{t('capture.stream.empty')}</p>
              <p>{t('capture.stream.emptyHint')}</p>
            </div>
          ) : (
            <NoteStream notes={notes} selected={selected} editing={editing} view={view} onBackToComposer={() => composerBox.current?.focus()} handle={stream}
              total={sessionNotes.total}
              hasOlder={sessionNotes.hasOlder}
              onLoadOlder={sessionNotes.loadOlder}
            />
          )}
          <UndoBanner
            message={undoState ? t(`capture.undo.${undoState.state}`, { text: snippet(undoState.note.text, 40) }) : undefined}
            onUndo={undoState?.state === 'deleted' ? undo : undefined}
            undoLabel={t('capture.undo.button')}
          />
          <section className="capture-composer" aria-labelledby={`${ids}-target`}>
            <h3 id={`${ids}-target`} className="composer-target">
              {editedNote ? t('capture.composer.editing', { time: formatTime(editedNote.createdAt, uiLanguage, forum.timeZone) }) : t('capture.composer.title')}
            </h3>
            {canNote.allowed && (
              <NoteToolbar
                saver={saver}
                targetId={targetId}
                forumId={forum.id}
                languages={languageChoices(forum.languages)}
                uiLanguage={uiLanguage}
                sessionSpeakers={speakers}
                tagOptions={tagOptions}
                byTag={byTag}
                themes={themes}
                tagPickerOpen={tagPickerOpen}
                selectedCount={selected.size}
                speakerInput={speakerInput}
                languageSelect={languageSelect}
                onSpeaker={onSpeaker}
                onLanguage={onLanguage}
                onOpenTags={() => setTagPickerOpen(true)}
                onAddTag={onAddTag}
                onRemoveTag={onRemoveTag}
                onCloseTags={() => setTagPickerOpen(false)}
                onToggleKeyPoint={toggleKeyPoint}
                onPromote={promote}
                onDone={focusText}
              />
            )}
            <ComposerNotices lang={composerMeta?.lang ?? lang} working={forum.languages} uiLanguage={uiLanguage}
              suggested={editingId ? undefined : suggestion.suggested} onAcceptLanguage={acceptLanguage}
              carriedSpeaker={editingId ? undefined : carriedSpeaker} onClearSpeaker={clearSpeaker} />
            <Composer saver={saver} draftId={composerId} fallbackLang={lang} box={composerBox} onFinish={finishNote} onText={suggestion.onText} describedBy={`${statusId} ${hintId}`} permission={canNote} />
            <div className="composer-foot">
              <SaveStatus saver={saver} id={statusId} />
              <p id={hintId} className="hint">
                {t(resetSpeaker ? 'capture.composer.hintReset' : 'capture.composer.hint')}
              </p>
              <label className="checkbox">
                <input type="checkbox" checked={resetSpeaker} onChange={(event) => setResetSpeaker(event.target.checked)} />
                {t('capture.speaker.resetEachNote')}
              </label>
            </div>
            {actionError && <ErrorMessage error={actionError} />}
            <p className="announcement" role="status">
              {announcement}
            </p>
          </section>
        </div>
        <aside className="capture-aside">
          {side}
          <ShortcutHelp open={helpOpen} onToggle={setHelpOpen} panel={helpPanel} />
        </aside>
      </div>
    </div>
  );
}

function languageChoices(forumLanguages: readonly string[]): string[] {
  return [...new Set([...forumLanguages, ...uiLanguages])];
}
