import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agenda } from '../../../shared/agenda';
import { ErrorMessage } from '../components/ErrorMessage';
import { LocalText } from '../components/LocalText';
import { nowAndNext, useForumClock } from '../components/agenda/agendaTime';
import { ProjectorSession } from '../components/agenda/ProjectorSession';
import { useApiQuery } from '../hooks/useApiQuery';
import { useFadingControls } from '../hooks/useFadingControls';
import { useShrinkToFit } from '../hooks/useShrinkToFit';
import { navigate } from '../hooks/useRoute';
import { formatDay } from '../i18n/intlFormat';
import { LanguageSelect } from '../components/LanguageSelect';
import { ProjectorCountdown } from '../components/speakers/ProjectorCountdown';

/** Agenda changes made on this laptop while the projector runs show up within a minute. */
const refreshEvery = 60_000;

/** Full screen, large type, for the room: the forum, the session on now and the next one. */
export function ProjectorScreen({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const agenda = useApiQuery('agenda:get', { forumId });
  const { reload } = agenda;
  useEffect(() => {
    const timer = window.setInterval(reload, refreshEvery);
    return () => window.clearInterval(timer);
  }, [reload]);
  return (
    <div className="projector agenda-projector">
      {agenda.data ? (
        <ProjectorView agenda={agenda.data} />
      ) : agenda.error ? (
        <ErrorMessage error={agenda.error} />
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </div>
  );
}

function ProjectorView({ agenda }: { agenda: Agenda }) {
  const { t, i18n } = useTranslation();
  const { forum, sessions } = agenda;
  const [chosen, setChosen] = useState<string>();
  const lang = chosen && forum.languages.includes(chosen) ? chosen : forum.languages.includes(i18n.language) ? i18n.language : forum.sourceLanguage;
  const clock = useForumClock(forum.timeZone, 15_000);
  const { now, next } = nowAndNext(sessions, clock);
  const { controlsShown, showControls, toggleFullscreen } = useFadingControls();
  const main = useRef<HTMLElement>(null);

  const cycleLanguage = useCallback(() => {
    const index = forum.languages.indexOf(lang);
    setChosen(forum.languages[(index + 1) % forum.languages.length]);
  }, [forum.languages, lang]);


  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      showControls();
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      // By the key's place, so L and F work in an Arabic or Russian layout too.
      if (event.code === 'KeyL') cycleLanguage();
      else if (event.code === 'KeyF') toggleFullscreen();
      else if (event.key === 'Escape' && !document.fullscreenElement) navigate({ name: 'agenda', id: forum.id });
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousemove', showControls);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousemove', showControls);
    };
  }, [showControls, cycleLanguage, toggleFullscreen, forum.id]);

  const text = { lang, sourceLanguage: forum.sourceLanguage };
  let status: string | undefined;
  if (sessions.length === 0) status = t('agenda.projector.noSessions');
  // Nothing on now and nothing to come: every session is over.
  else if (now.length === 0 && next.length === 0) status = t('agenda.projector.ended');
  else if (now.length === 0 && clock.day < forum.startDate) {
    status = t('agenda.projector.notStarted', { date: formatDay(forum.startDate, i18n.language) });
  } else if (now.length === 0) status = t('agenda.projector.nothingNow');
  // However many sessions run in parallel and however long their titles, all of them and the
  // next one fit the wall: the type shrinks rather than anything hide below the fold.
  useShrinkToFit(main, [lang, clock.day, status, ...now.map((s) => s.id), '|', ...next.map((s) => s.id)].join(' '));

  return (
    <>
      <header className="projector-header">
        <LocalText as="h1" text={forum.title} {...text} />
        <p className="projector-clock">
          {formatDay(clock.day, i18n.language)} <bdi dir="ltr">{clock.time}</bdi>
        </p>
      </header>
      <main className="projector-main" ref={main}>
        {status && (
          <p className="projector-status" role="status">
            {status}
          </p>
        )}
        {now.length > 0 && (
          <section aria-labelledby="projector-now" className="projector-now">
            <h2 id="projector-now">{t('agenda.now')}</h2>
            <div className="projector-sessions">
              {now.map((s) => (
                <ProjectorSession key={s.id} session={s} {...text} />
              ))}
            </div>
          </section>
        )}
        {next.length > 0 && (
          <section aria-labelledby="projector-next" className="projector-next">
            <h2 id="projector-next">{t('agenda.next')}</h2>
            <div className="projector-sessions">
              {next.map((s) => (
                <ProjectorSession key={s.id} session={s} {...text} day={s.day === clock.day ? undefined : formatDay(s.day, i18n.language)} small />
              ))}
            </div>
          </section>
        )}
      </main>
      <ProjectorCountdown forumId={forum.id} />
      {/* A landmark of its own, below the sessions rather than over them. */}
      <section className={`projector-controls${controlsShown ? '' : ' is-faded'}`} aria-label={t('agenda.projector.controls')}>
        <LanguageSelect label={t('agenda.projector.language')} languages={forum.languages} value={lang} onChange={setChosen} keyShortcut="L" />
        <button type="button" onClick={toggleFullscreen} aria-keyshortcuts="F">
          {t('agenda.projector.fullscreen')}
        </button>
        <button type="button" onClick={() => navigate({ name: 'agenda', id: forum.id })} aria-keyshortcuts="Escape">
          {t('agenda.projector.back')}
        </button>
        <span className="projector-keys">{t('agenda.projector.keys')}</span>
      </section>
    </>
  );
}
