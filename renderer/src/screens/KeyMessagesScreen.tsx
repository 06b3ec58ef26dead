import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../shared/agenda';
import type { KeyMessage } from '../../../shared/keyMessages';
import { ErrorMessage } from '../components/ErrorMessage';
import { DuplicateSuggestions, type DuplicatePair } from '../components/keyMessages/DuplicateSuggestions';
import { groupBySession, themesOf } from '../components/keyMessages/keyMessageOrder';
import { KeyMessagesEmpty } from '../components/keyMessages/KeyMessagesEmpty';
import { KeyMessagesProgress, type SessionProgress } from '../components/keyMessages/KeyMessagesProgress';
import { KeyMessagesToolbar, type KeyMessagesView as View } from '../components/keyMessages/KeyMessagesToolbar';
import { MergeBar } from '../components/keyMessages/MergeBar';
import { MergeDialog } from '../components/keyMessages/MergeDialog';
import { sessionLabels } from '../components/keyMessages/sessionLabels';
import { SessionMessageList, sessionHeadingId } from '../components/keyMessages/SessionMessageList';
import { ThemeBoard } from '../components/keyMessages/ThemeBoard';
import { UndoBar } from '../components/keyMessages/UndoBar';
import { useKeyMessageState, type LastAction } from '../components/keyMessages/useKeyMessageState';
import { useUndoShortcut } from '../components/participants/useUndoShortcut';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';

const themesListId = 'key-message-themes';

/** Every session's key messages: ordered, edited in each working language, themed, validated, merged. */
export function KeyMessagesScreen({ forumId, messageId }: { forumId: string; messageId?: string | undefined }) {
  const { t } = useTranslation();
  const agenda = useApiQuery('agenda:get', { forumId });
  const list = useApiQuery('keyMessages:list', { forumId });
  if (!agenda.data || !list.data) {
    const error = agenda.error ?? list.error;
    return error ? <ErrorMessage error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  }
  return <KeyMessagesView forumId={forumId} messageId={messageId} agenda={agenda.data} loaded={list.data} reloadList={list.reload} />;
}

interface ViewProps {
  forumId: string;
  /** A message to open the screen at (a search result). */
  messageId: string | undefined;
  agenda: Agenda;
  loaded: readonly KeyMessage[];
  reloadList(): void;
}

function KeyMessagesView({ forumId, messageId, agenda, loaded, reloadList }: ViewProps) {
  const { t, i18n } = useTranslation();
  const uiLanguage = i18n.language;
  const { forum } = agenda;
  const source = forum.sourceLanguage;
  const languages = useMemo(() => [source, ...forum.languages.filter((l) => l !== source)], [forum.languages, source]);
  const [chosenLanguage, setChosenLanguage] = useState<string>();
  const lang = chosenLanguage && forum.languages.includes(chosenLanguage) ? chosenLanguage : forum.languages.includes(uiLanguage) ? uiLanguage : source;
  // Opened at a message, the screen lists by session, where each message has its full card.
  const [view, setView] = useState<View>(() => (!messageId && window.sessionStorage.getItem(`key-messages-view-${forumId}`) === 'theme' ? 'theme' : 'session'));
  useEffect(() => window.sessionStorage.setItem(`key-messages-view-${forumId}`, view), [forumId, view]);
  const [sessionFilter, setSessionFilter] = useState('');
  const [mergePair, setMergePair] = useState<{ first: KeyMessage; second: KeyMessage }>();
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [jumpTo, setJumpTo] = useState<string>();

  const progress = useApiQuery('capture:progress', { forumId });
  const duplicates = useApiQuery('keyMessages:duplicates', { forumId });
  const reloadProgress = progress.reload;
  const reloadDuplicates = duplicates.reload;
  const onCountsChanged = useCallback(() => {
    reloadProgress();
    reloadDuplicates();
  }, [reloadProgress, reloadDuplicates]);
  const [recovered, setRecovered] = useState(0);
  const state = useKeyMessageState({ forumId, loaded, reloadList, onCountsChanged, onRecovered: setRecovered });
  const { messages, actions } = state;
  const { can } = useForumRoles(forumId);
  const lockedReason = useCallback((sessionId: string) => can('key_messages', ['text'], sessionId).reason, [can]);
  // A merge changes two messages: it needs the role over both their sessions.
  const canMergeBoth = (...sessionIds: string[]) => sessionIds.map((id) => can('key_messages', ['text'], id)).find((p) => !p.allowed) ?? can('key_messages', ['text'], sessionIds[0]);

  const sessionLabel = useMemo(
    () => sessionLabels(agenda.sessions, lang, source, { text: t('keyMessages.session.unknown'), lang: uiLanguage }, uiLanguage),
    [agenda.sessions, lang, source, t, uiLanguage],
  );
  const bySession = useMemo(() => groupBySession(messages), [messages]);
  const progressBySession = useMemo(() => new Map<string, SessionProgress>((progress.data ?? []).map((p) => [p.sessionId, p])), [progress.data]);
  // Breaks need no key messages; any other session does, and so does one that somehow has notes.
  const sessionIds = useMemo(() => {
    const ids = agenda.sessions.filter((s) => s.kind !== 'break' || bySession.has(s.id) || (progressBySession.get(s.id)?.notes ?? 0) > 0).map((s) => s.id);
    const known = new Set(ids);
    return [...ids, ...[...bySession.keys()].filter((id) => !known.has(id))];
  }, [agenda.sessions, bySession, progressBySession]);
  const sessionOrder = useMemo(() => new Map(sessionIds.map((id, index) => [id, index])), [sessionIds]);
  const numbers = useMemo(() => new Map([...bySession.values()].flatMap((list) => list.map((m, index) => [m.id, index + 1] as const))), [bySession]);
  const numberOf = useCallback((id: string) => numbers.get(id) ?? 0, [numbers]);
  const themes = useMemo(() => themesOf(messages, uiLanguage), [messages, uiLanguage]);
  const selected = useMemo(() => new Set(state.selected), [state.selected]);
  const byId = useMemo(() => new Map(messages.map((m) => [m.id, m])), [messages]);
  const pairs = useMemo(
    () =>
      (duplicates.data ?? []).flatMap((pair): DuplicatePair[] => {
        const a = byId.get(pair.a);
        const b = byId.get(pair.b);
        return a && b && !dismissed.has(`${pair.a}|${pair.b}`) ? [{ a, b, score: pair.score }] : [];
      }),
    [duplicates.data, byId, dismissed],
  );

  // A session picked in the progress table: show its list and put the keyboard on its heading.
  const jump = useCallback((sessionId: string) => {
    setView('session');
    setSessionFilter((filter) => (filter && filter !== sessionId ? sessionId : filter));
    setJumpTo(sessionId);
  }, []);
  useEffect(() => {
    if (!jumpTo) return;
    const heading = document.getElementById(sessionHeadingId(jumpTo));
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus();
    setJumpTo(undefined);
  }, [jumpTo]);

  // A search result: scroll to the message and put the keyboard on it, once it is listed.
  const landed = useRef<string>(undefined);
  useEffect(() => {
    if (!messageId || landed.current === messageId || !messages.some((m) => m.id === messageId)) return;
    landed.current = messageId;
    const card = document.querySelector<HTMLElement>(`[data-key-message="${CSS.escape(messageId)}"] article`);
    card?.scrollIntoView({ block: 'center' });
    card?.focus({ preventScroll: true });
  }, [messageId, messages]);

  const openMerge = () => {
    const [first, second] = state.selected.map((id) => byId.get(id));
    if (first && second) setMergePair({ first, second });
  };
  const confirmMerge = async (keepId: string, mergeId: string, text: Record<string, string> | undefined) => {
    const failure = await state.merge(keepId, mergeId, text);
    if (!failure) setMergePair(undefined);
    return failure;
  };
  const canUndo = state.lastAction?.kind === 'deleted' || state.lastAction?.kind === 'merged';
  const undo = state.undo;
  useUndoShortcut(() => void undo(), canUndo && !mergePair);

  const shownSessions = sessionFilter ? sessionIds.filter((id) => id === sessionFilter) : sessionIds;
  return (
    <section className="key-messages-screen" aria-labelledby="key-messages-heading">
      <div className="screen-heading">
        <h1 id="key-messages-heading">{t('keyMessages.title')}</h1>
      </div>
      {progress.error && <ErrorMessage error={progress.error} />}
      {state.error && <ErrorMessage error={state.error} />}
      <p className="recovered-status" role="status">
        {recovered > 0 ? t('proseSave.recovered', { number: recovered }) : ''}
      </p>
      <UndoBar message={describe(state.lastAction, t)} onUndo={canUndo ? () => void undo() : undefined} onDismiss={state.dismissLastAction} />
      {progress.data && sessionIds.length > 0 && <KeyMessagesProgress sessionIds={sessionIds} progress={progressBySession} sessionLabel={sessionLabel} onJump={jump} />}

      {messages.length === 0 ? (
        <KeyMessagesEmpty forumId={forumId} />
      ) : (
        <>
          <KeyMessagesToolbar
            view={view}
            onView={setView}
            languages={forum.languages}
            lang={lang}
            onLanguage={setChosenLanguage}
            sessionIds={sessionIds}
            sessionFilter={sessionFilter}
            onSessionFilter={setSessionFilter}
            sessionLabel={sessionLabel}
          />
          <DuplicateSuggestions
            pairs={pairs}
            lang={lang}
            sourceLanguage={source}
            sessionLabel={sessionLabel}
            onMerge={(pair) => setMergePair({ first: pair.a, second: pair.b })}
            onDismiss={(pair) => setDismissed((set) => new Set([...set, `${pair.a.id}|${pair.b.id}`]))}
            canMerge={(pair) => canMergeBoth(pair.a.sessionId, pair.b.sessionId)}
          />
          <datalist id={themesListId}>
            {themes.map((theme) => (
              <option key={theme} value={theme} />
            ))}
          </datalist>
          {view === 'theme' ? (
            <ThemeBoard
              messages={messages}
              sessionOrder={sessionOrder}
              numberOf={numberOf}
              lang={lang}
              sourceLanguage={source}
              themesListId={themesListId}
              selected={selected}
              actions={actions}
              sessionLabel={sessionLabel}
              lockedReason={lockedReason}
            />
          ) : (
            <SessionMessageList
              forumId={forumId}
              sessionIds={shownSessions}
              bySession={bySession}
              languages={languages}
              sourceLanguage={source}
              themesListId={themesListId}
              selected={selected}
              actions={actions}
              sessionLabel={sessionLabel}
              foundId={messageId}
              lockedReason={lockedReason}
            />
          )}
          <MergeBar
            count={state.selected.length}
            onMerge={openMerge}
            onClear={state.clearSelection}
            canMerge={canMergeBoth(...state.selected.map((id) => byId.get(id)?.sessionId ?? ''))}
          />
        </>
      )}
      {mergePair && (
        <MergeDialog
          first={mergePair.first}
          second={mergePair.second}
          languages={languages}
          sessionLabel={sessionLabel}
          onConfirm={confirmMerge}
          onClose={() => setMergePair(undefined)}
        />
      )}
    </section>
  );
}

function describe(action: LastAction | undefined, t: (key: string) => string): string | undefined {
  if (!action) return undefined;
  return t(`keyMessages.undo.${action.kind}`);
}
