import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakerListSubject } from '../../../shared/speakers';
import { ErrorMessage } from '../components/ErrorMessage';
import { SpeakerCountdown } from '../components/speakers/SpeakerCountdown';
import { useSpeakerList } from '../components/speakers/useSpeakerList';
import { useFadingControls } from '../hooks/useFadingControls';
import { useForumRoles } from '../hooks/useForumRoles';
import { navigate } from '../hooks/useRoute';

/**
 * The chair's full-screen timer: who has the floor, the time left in large type, who is next.
 * J calls the next speaker, Space pauses and resumes, F fills the screen, Escape goes back.
 */
export function SpeakerTimerScreen({ forumId, subject }: { forumId: string; subject: SpeakerListSubject }) {
  const { t } = useTranslation();
  const { list, error, run } = useSpeakerList(forumId, subject);
  const permission = useForumRoles(forumId).can('speakers', ['status']);
  const { controlsShown, showControls, toggleFullscreen } = useFadingControls();
  const current = list?.current ?? null;
  const next = list?.waiting[0];
  const back = useCallback(() => {
    if (window.history.length > 1) window.history.back();
    else navigate(subject.kind === 'session' ? { name: 'capture', id: forumId, sessionId: subject.id } : { name: 'drafting', id: forumId });
  }, [forumId, subject.kind, subject.id]);
  const pause = useCallback(() => {
    if (current) void run('speakers:act', { id: current.id, action: current.startedAt === null ? 'start' : 'pause' });
  }, [current, run]);
  const callNext = useCallback(() => void run('speakers:next', {}), [run]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      showControls();
      if (event.ctrlKey || event.metaKey || event.altKey || event.target instanceof HTMLButtonElement) return;
      if (event.code === 'KeyJ' && permission.allowed) callNext();
      else if (event.code === 'Space' && permission.allowed) pause();
      else if (event.code === 'KeyF') toggleFullscreen();
      else if (event.key === 'Escape' && !document.fullscreenElement) back();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousemove', showControls);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousemove', showControls);
    };
  }, [showControls, callNext, pause, toggleFullscreen, back, permission.allowed]);

  return (
    <div className="projector speaker-timer-screen">
      <main className="speaker-timer-main">
        <h1 className="visually-hidden">{t('speakers.timerScreen.title')}</h1>
        {error && <ErrorMessage error={error} />}
        {!list ? (
          !error && <p aria-busy="true">{t('common.loading')}</p>
        ) : current ? (
          <>
            <p className="speaker-wall-name">
              <bdi>{current.name}</bdi>
              {current.delegation && current.delegation !== current.name && <bdi className="speaker-delegation">{current.delegation}</bdi>}
              {current.kind !== 'statement' && <span className={`speaker-kind kind-${current.kind}`}>{t(`speakers.kind.${current.kind}`)}</span>}
            </p>
            <SpeakerCountdown entry={current} size="wall" />
          </>
        ) : (
          <p className="projector-status">{t('speakers.current.nobody')}</p>
        )}
        {next && (
          <p className="speaker-wall-next" aria-live="polite">
            {t('speakers.nextUp', { name: next.name })}
          </p>
        )}
      </main>
      <section className={`projector-controls${controlsShown ? '' : ' is-faded'}`} aria-label={t('speakers.timerScreen.controls')}>
        <button type="button" onClick={callNext} disabled={!permission.allowed || (!current && !next)} aria-keyshortcuts="J" title={permission.reason || undefined}>
          {t('speakers.next')}
        </button>
        {current && (
          <button type="button" onClick={pause} disabled={!permission.allowed} aria-keyshortcuts="Space">
            {current.startedAt === null ? t('speakers.resume') : t('speakers.pause')}
          </button>
        )}
        <button type="button" onClick={toggleFullscreen} aria-keyshortcuts="F">
          {t('amendments.projector.fullscreen')}
        </button>
        <button type="button" onClick={back} aria-keyshortcuts="Escape">
          {t('speakers.timerScreen.back')}
        </button>
        <span className="projector-keys">{t('speakers.timerScreen.keys')}</span>
      </section>
    </div>
  );
}
