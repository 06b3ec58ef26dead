import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpeakerListSubject } from '../../../../shared/speakers';
import { formatClock } from '../../../../shared/speakingTime';
import { useForumRoles } from '../../hooks/useForumRoles';
import { navigate, routeHref } from '../../hooks/useRoute';
import { ErrorMessage } from '../ErrorMessage';
import { SpeakerAddForm } from './SpeakerAddForm';
import { SpeakerCountdown } from './SpeakerCountdown';
import { SpeakerQueue } from './SpeakerQueue';
import { SpeakerSettings } from './SpeakerSettings';
import { speakerKeys } from './speakerShortcuts';
import { useSpeakerList } from './useSpeakerList';

interface Props {
  forumId: string;
  subject: SpeakerListSubject;
}

/**
 * The chair's speakers' list for a session (on the capture screen) or a paragraph (in drafting):
 * who has the floor and their time, the queue, and adding, reordering and calling the next.
 */
export function SpeakersPanel({ forumId, subject }: Props) {
  const { t } = useTranslation();
  const { list, error, run } = useSpeakerList(forumId, subject);
  const permission = useForumRoles(forumId).can('speakers', ['status']);
  const disabled = !permission.allowed;
  const addInput = useRef<HTMLInputElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const currentId = list?.current?.id;
  const currentName = list?.current?.name;
  const nextName = list?.waiting[0]?.name;
  const timerRoute = { name: 'speakerTimer' as const, id: forumId, kind: subject.kind, subjectId: subject.id };

  // Said once when the floor changes hands (politely, never every second): who speaks, who is next.
  useEffect(() => {
    if (currentId === undefined) return;
    setAnnouncement(nextName ? t('speakers.live.nowAndNext', { name: currentName, next: nextName }) : t('speakers.live.now', { name: currentName }));
    // Only a new current speaker is news; the queue moving behind them is not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentId]);

  const current = list?.current;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const key = speakerKeys(event);
      if (!key) return;
      event.preventDefault();
      if (key === 'add') addInput.current?.focus();
      else if (key === 'timer') navigate(timerRoute);
      else if (disabled) return;
      else if (key === 'next') void run('speakers:next', {});
      else if (key === 'pause' && current) void run('speakers:act', { id: current.id, action: current.startedAt === null ? 'start' : 'pause' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section className="speakers-panel" aria-labelledby="speakers-heading">
      <div className="panel-head">
        <h2 id="speakers-heading">{t('speakers.title')}</h2>
        <a className="button" href={routeHref(timerRoute)} aria-keyshortcuts="Alt+O">
          {t('speakers.openTimer')}
        </a>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {error && <ErrorMessage error={error} />}
      {!list ? (
        !error && <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <div className="speaker-current" aria-label={t('speakers.current.label')} role="group">
            {current ? (
              <>
                <p className="speaker-now">
                  <bdi className="speaker-name">{current.name}</bdi>
                  {current.delegation && current.delegation !== current.name && <bdi className="speaker-delegation">{current.delegation}</bdi>}
                  {current.kind !== 'statement' && <span className={`speaker-kind kind-${current.kind}`}>{t(`speakers.kind.${current.kind}`)}</span>}
                </p>
                <SpeakerCountdown entry={current} size="panel" />
              </>
            ) : (
              <p className="hint">{t('speakers.current.nobody')}</p>
            )}
            <div className="speaker-controls" title={disabled ? permission.reason : undefined}>
              <button type="button" className="primary" disabled={disabled || (!current && list.waiting.length === 0)} onClick={() => void run('speakers:next', {})} aria-keyshortcuts="Alt+J">
                {t('speakers.next')}
              </button>
              {current && (
                <>
                  <button
                    type="button"
                    disabled={disabled}
                    onClick={() => void run('speakers:act', { id: current.id, action: current.startedAt === null ? 'start' : 'pause' })}
                    aria-keyshortcuts="Alt+R"
                  >
                    {current.startedAt === null ? t('speakers.resume') : t('speakers.pause')}
                  </button>
                  <button type="button" disabled={disabled} onClick={() => void run('speakers:act', { id: current.id, action: 'finish' })}>
                    {t('speakers.finish')}
                  </button>
                </>
              )}
            </div>
          </div>
          <SpeakerAddForm forumId={forumId} input={addInput} disabled={disabled} disabledReason={permission.reason} onAdd={(speaker) => run('speakers:add', speaker)} />
          <h3 className="speakers-subheading">{t('speakers.queue.heading', { count: list.waiting.length })}</h3>
          <SpeakerQueue waiting={list.waiting} disabled={disabled} onMove={(id, toIndex) => run('speakers:move', { id, toIndex })} onAct={(id, action) => void run('speakers:act', { id, action })} />
          {list.finished.length > 0 && (
            <details className="speakers-finished">
              <summary>{t('speakers.finished.heading', { count: list.finished.length })}</summary>
              <ul>
                {list.finished.map((e) => (
                  <li key={e.id}>
                    <bdi>{e.name}</bdi> <span dir="ltr">{e.status === 'withdrawn' ? t('speakers.status.withdrawn') : formatClock(e.spokenMs)}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {list.delegationTotalMs !== null && list.delegations.length > 0 && (
            <ul className="speakers-delegations" aria-label={t('speakers.delegations.label')}>
              {list.delegations.map((d) => (
                <li key={d.delegation}>
                  <bdi>{d.delegation}</bdi> {t('speakers.delegations.left', { time: formatClock((list.delegationTotalMs ?? 0) - d.spokenMs) })}
                </li>
              ))}
            </ul>
          )}
          <SpeakerSettings key={list.id} list={list} disabled={disabled} onSave={(times, delegationTotalMs) => run('speakers:settings', { times, delegationTotalMs })} />
        </>
      )}
    </section>
  );
}
