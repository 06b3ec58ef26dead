import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda, AgendaSession } from '../../../shared/agenda';
import { pickText } from '../../../shared/multilingual';
import type { AppError } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { dayLabel, languageLabel } from '../components/agenda/agendaFormat';
import { agendaDays, nowAndNext, useForumClock } from '../components/agenda/agendaTime';
import { DayTabs } from '../components/agenda/DayTabs';
import { MeChooser } from '../components/agenda/MeChooser';
import { NowNextLine } from '../components/agenda/NowNextLine';
import { RoomGrid } from '../components/agenda/RoomGrid';
import { SessionCard, type SessionMarker } from '../components/agenda/SessionCard';
import { WarningsPanel } from '../components/agenda/WarningsPanel';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';
import { RoleGate } from '../components/RoleGate';
import { routeHref } from '../hooks/useRoute';
import { LanguageSelect } from '../components/LanguageSelect';
import { ExportButton } from '../components/exports/ExportButton';

type View = 'day' | 'room' | 'mine';
const views: readonly View[] = ['day', 'room', 'mine'];
const panelId = 'agenda-day-panel';
const tabId = (day: string) => `agenda-day-${day}`;

/** The forum's agenda: by day, by room or "my sessions", in any working language, with its warnings. */
export function AgendaScreen({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const agenda = useApiQuery('agenda:get', { forumId });
  if (!agenda.data) {
    if (agenda.error) return <ErrorMessage error={agenda.error} />;
    return <p aria-busy="true">{t('common.loading')}</p>;
  }
  return <AgendaView agenda={agenda.data} error={agenda.error} reload={agenda.reload} />;
}

/** Where the organiser was (view, day), so coming back from editing a session lands in the same place. */
function useRemembered<T extends string>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (window.sessionStorage.getItem(key) as T | null) ?? initial);
  const set = useCallback(
    (next: T) => {
      window.sessionStorage.setItem(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}

interface Undo {
  session: AgendaSession;
  state: 'deleted' | 'restored';
}

function AgendaView({ agenda, error, reload }: { agenda: Agenda; error: AppError | undefined; reload(): void }) {
  const { t, i18n } = useTranslation();
  const { forum, sessions, warnings, me } = agenda;
  const source = forum.sourceLanguage;
  const [chosenLanguage, setChosenLanguage] = useState<string>();
  const lang = chosenLanguage && forum.languages.includes(chosenLanguage) ? chosenLanguage : forum.languages.includes(i18n.language) ? i18n.language : source;
  const [view, setView] = useRemembered<View>(`agenda-view-${forum.id}`, 'day');
  const [rememberedDay, setDay] = useRemembered<string>(`agenda-day-${forum.id}`, '');
  const [showTranslations, setShowTranslations] = useState(true);
  const [undo, setUndo] = useState<Undo>();
  const [actionError, setActionError] = useState<AppError>();
  const undoButton = useRef<HTMLButtonElement>(null);

  const clock = useForumClock(forum.timeZone, 30_000);
  const { now, next } = useMemo(() => nowAndNext(sessions, clock), [sessions, clock]);
  const markers = useMemo(() => {
    const map = new Map<string, SessionMarker>();
    for (const s of next) map.set(s.id, 'next');
    for (const s of now) map.set(s.id, 'now');
    return map;
  }, [now, next]);
  const markerOf = useCallback((id: string) => markers.get(id), [markers]);

  const byDay = useMemo(() => {
    const map = new Map<string, AgendaSession[]>();
    for (const session of sessions) {
      const list = map.get(session.day);
      if (list) list.push(session);
      else map.set(session.day, [session]);
    }
    return map;
  }, [sessions]);
  const days = useMemo(() => agendaDays(forum.startDate, forum.endDate, byDay.keys()), [forum.startDate, forum.endDate, byDay]);
  const outside = useMemo(() => new Set(days.filter((d) => d < forum.startDate || d > forum.endDate)), [days, forum.startDate, forum.endDate]);
  const sessionsById = useMemo(() => new Map(sessions.map((s) => [s.id, s])), [sessions]);
  const day = days.includes(rememberedDay) ? rememberedDay : days.includes(clock.day) ? clock.day : (days[0] ?? '');
  const targets = useMemo(() => forum.languages.filter((l) => l !== source), [forum.languages, source]);

  const uiLanguage = i18n.language;
  const fallbackLabel = useCallback(
    (shown: string) => t('content.untranslated', { language: languageLabel(shown, uiLanguage) }),
    [t, uiLanguage],
  );

  const setDeleted = useCallback(
    async (session: AgendaSession, deleted: boolean) => {
      setActionError(undefined);
      const result = await api['sessions:setDeleted']({ id: session.id, deleted });
      if (!result.ok) return setActionError(result.error);
      setUndo({ session, state: deleted ? 'deleted' : 'restored' });
      reload();
    },
    [reload],
  );
  // The deleted card took the focus with it: put the keyboard on Undo rather than lose it.
  useEffect(() => {
    if (undo?.state === 'deleted') undoButton.current?.focus();
  }, [undo]);
  const onDelete = useCallback((session: AgendaSession) => void setDeleted(session, true), [setDeleted]);

  const mine = useMemo(() => (me ? sessions.filter((s) => s.roles.some((r) => r.participantId === me)) : []), [sessions, me]);
  const myName = useMemo(() => {
    for (const s of mine) for (const r of s.roles) if (r.participantId === me) return r.name;
    return undefined;
  }, [mine, me]);

  // The agenda is the secretariat's: other laptops read it, and are told why they cannot change it.
  const canEdit = useForumRoles(forum.id).can('sessions', ['title']);
  const card = (session: AgendaSession, showDay = false) => (
    <SessionCard
      key={session.id}
      session={session}
      forumId={forum.id}
      lang={lang}
      sourceLanguage={source}
      translationTargets={targets}
      showTranslations={showTranslations}
      showDay={showDay}
      me={showDay ? me : undefined}
      marker={markers.get(session.id)}
      uiLanguage={uiLanguage}
      t={t}
      fallbackLabel={fallbackLabel}
      onDelete={onDelete}
      lockedReason={canEdit.reason}
    />
  );
  const daySessions = byDay.get(day) ?? [];
  const undoTitle = undo ? pickText(undo.session.title, lang, source).text || t('agenda.untitled') : '';

  return (
    <section className="agenda-screen" aria-labelledby="agenda-heading">
      <div className="screen-heading">
        <h1 id="agenda-heading">{t('agenda.title')}</h1>
        <div className="actions">
          <LanguageSelect label={t('forum.contentLanguage')} languages={forum.languages} value={lang} onChange={setChosenLanguage} />
          <RoleGate permission={canEdit}>
            {(gate) => (
              <a className="button primary" href={routeHref({ name: 'newSession', id: forum.id })} {...gate}>
                {t('agenda.newSession')}
              </a>
            )}
          </RoleGate>
          <a className="button" href={routeHref({ name: 'projector', id: forum.id })}>
            {t('agenda.projectorLink')}
          </a>
          <ExportButton target={{ kind: 'agenda', forumId: forum.id, languages: [source, ...targets], sourceLanguage: source }} />
        </div>
      </div>
      {error && <ErrorMessage error={error} />}
      {actionError && <ErrorMessage error={actionError} />}
      <div role="status" className="undo-status">
        {undo && (
          <p className="undo-bar">
            <span>{t(`agenda.undo.${undo.state}`, { title: undoTitle })}</span>{' '}
            {undo.state === 'deleted' ? (
              <button type="button" ref={undoButton} onClick={() => void setDeleted(undo.session, false)}>
                {t('agenda.undo.button')}
              </button>
            ) : (
              <button type="button" onClick={() => setUndo(undefined)}>
                {t('agenda.undo.dismiss')}
              </button>
            )}
          </p>
        )}
      </div>
      <NowNextLine now={now} next={next} today={clock.day} lang={lang} sourceLanguage={source} uiLanguage={uiLanguage} t={t} fallbackLabel={fallbackLabel} />
      <WarningsPanel warnings={warnings} sessionsById={sessionsById} forumId={forum.id} lang={lang} sourceLanguage={source} />

      <div className="agenda-controls">
        <div role="group" aria-label={t('agenda.views.label')} className="view-switch">
          {views.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`agenda.views.${v}`)}
            </button>
          ))}
        </div>
        {targets.length > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={showTranslations} onChange={(event) => setShowTranslations(event.target.checked)} />
            {t('agenda.translation.show')}
          </label>
        )}
      </div>

      {sessions.length === 0 && <p className="empty-state">{t('agenda.empty')}</p>}

      {view === 'mine' ? (
        <section aria-labelledby="agenda-mine-heading">
          <h2 id="agenda-mine-heading">{t('agenda.views.mine')}</h2>
          <MeChooser forumId={forum.id} me={me} knownName={myName} onChanged={reload} />
          {me && mine.length === 0 && <p className="hint">{t('agenda.me.none')}</p>}
          {mine.length > 0 && <ol className="session-list">{mine.map((s) => card(s, true))}</ol>}
        </section>
      ) : (
        days.length > 0 && (
          <>
            <DayTabs
              days={days}
              selected={day}
              onSelect={setDay}
              label={t('agenda.days')}
              labelOf={(d) => dayLabel(d, uiLanguage)}
              outside={outside}
              outsideLabel={t('agenda.outsideDates')}
              tabId={tabId}
              panelId={panelId}
            />
            <div role="tabpanel" id={panelId} aria-labelledby={tabId(day)} tabIndex={0} className="day-panel">
              {daySessions.length === 0 ? (
                <p className="hint">{t('agenda.emptyDay')}</p>
              ) : view === 'room' ? (
                <RoomGrid
                  sessions={daySessions}
                  forumId={forum.id}
                  lang={lang}
                  sourceLanguage={source}
                  caption={t('agenda.views.room')}
                  markerOf={markerOf}
                  t={t}
                  fallbackLabel={fallbackLabel}
                />
              ) : (
                <ol className="session-list">{daySessions.map((s) => card(s))}</ol>
              )}
            </div>
          </>
        )
      )}
    </section>
  );
}
