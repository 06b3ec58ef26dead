import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../shared/agenda';
import type { Catalogue } from '../../../shared/capture';
import { ErrorMessage } from '../components/ErrorMessage';
import { momentInZone, nowAndNext } from '../components/agenda/agendaTime';
import { CaptureSession } from '../components/capture/CaptureSession';
import { preselectedSession } from '../components/capture/captureSessions';
import { SessionPicker } from '../components/capture/SessionPicker';
import { SpeakersPanel } from '../components/speakers/SpeakersPanel';
import { prefetchNotes } from '../components/capture/useSessionNotes';
import { useApiQuery } from '../hooks/useApiQuery';
import { navigate, routeHref } from '../hooks/useRoute';

const noCatalogues: Catalogue[] = [];

/** The rapporteur's screen: pick a session, then write its notes as fast as people speak. */
export function CaptureScreen({ forumId, sessionId, noteId }: { forumId: string; sessionId?: string | undefined; noteId?: string | undefined }) {
  const { t } = useTranslation();
  const agenda = useApiQuery('agenda:get', { forumId });
  const catalogues = useApiQuery('catalogues:get', {});
  useEffect(() => {
    if (sessionId) prefetchNotes(sessionId);
  }, [sessionId]);
  if (!agenda.data) {
    if (agenda.error) return <ErrorMessage error={agenda.error} />;
    return <p aria-busy="true">{t('common.loading')}</p>;
  }
  return <CaptureView agenda={agenda.data} sessionId={sessionId} noteId={noteId} catalogues={catalogues.data ?? noCatalogues} cataloguesFailed={catalogues.error !== undefined} />;
}

interface ViewProps {
  agenda: Agenda;
  sessionId: string | undefined;
  /** A note to open the stream at (a search result). */
  noteId?: string | undefined;
  catalogues: readonly Catalogue[];
  cataloguesFailed: boolean;
}

function CaptureView({ agenda, sessionId, noteId, catalogues, cataloguesFailed }: ViewProps) {
  const { t, i18n } = useTranslation();
  const { forum, sessions, me } = agenda;
  // Read once on arrival: the session open must not change under the rapporteur as the clock turns.
  const [moment] = useState(() => momentInZone(forum.timeZone));
  const preselected = useMemo(() => preselectedSession(sessions, me, moment)?.id, [sessions, me, moment]);
  const nowIds = useMemo(() => new Set(nowAndNext(sessions, moment).now.map((s) => s.id)), [sessions, moment]);
  const chosenId = sessionId ?? preselected;
  const session = sessions.find((s) => s.id === chosenId);
  const lang = forum.languages.includes(i18n.language) ? i18n.language : forum.sourceLanguage;

  // The address carries the session opened for the rapporteur, so a reload comes back to it.
  useEffect(() => {
    if (!sessionId && preselected) {
      history.replaceState(history.state, '', routeHref({ name: 'capture', id: forum.id, sessionId: preselected }));
    }
  }, [sessionId, preselected, forum.id]);

  return (
    <section className="capture-screen" aria-labelledby="capture-heading">
      <div className="screen-heading">
        <h1 id="capture-heading">{t('capture.title')}</h1>
        {sessions.length > 0 && (
          <SessionPicker
            sessions={sessions}
            me={me}
            selected={session?.id}
            nowIds={nowIds}
            lang={lang}
            sourceLanguage={forum.sourceLanguage}
            onSelect={(id) => navigate({ name: 'capture', id: forum.id, sessionId: id })}
          />
        )}
      </div>
      {cataloguesFailed && <p className="hint">{t('capture.tags.cataloguesMissing')}</p>}
      {sessions.length === 0 ? (
        <div className="empty-state">
          <p>{t('capture.noSessions')}</p>
          <a className="button primary" href={routeHref({ name: 'newSession', id: forum.id })}>
            {t('capture.addSession')}
          </a>
        </div>
      ) : !session ? (
        <div className="empty-state">
          <p>{sessionId ? t('capture.sessionGone') : t('capture.chooseSession')}</p>
          {!me && (
            <p>
              {t('capture.meHint')} <a href={routeHref({ name: 'agenda', id: forum.id })}>{t('capture.meLink')}</a>
            </p>
          )}
        </div>
      ) : (
        <CaptureSession
          key={session.id}
          forum={forum}
          session={session}
          catalogues={catalogues}
          foundNoteId={noteId}
          side={<SpeakersPanel forumId={forum.id} subject={{ kind: 'session', id: session.id }} />}
        />
      )}
    </section>
  );
}
