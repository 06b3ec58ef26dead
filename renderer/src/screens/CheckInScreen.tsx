import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../hooks/useRoute';
import { useForumRoles } from '../hooks/useForumRoles';
import type { Participant } from '../../../shared/participants';
import type { AppError } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { CheckInSearch } from '../components/participants/CheckInSearch';
import { formatArrival } from '../components/participants/participantFormat';
import { useUndoShortcut } from '../components/participants/useUndoShortcut';
import { useApiQuery } from '../hooks/useApiQuery';
import { formatNumber } from '../i18n/intlFormat';

const recentShown = 8;

/** For the door: find a person as you type, Enter checks them in, Ctrl+Z takes it back. */
export function CheckInScreen({ forumId }: { forumId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const timeZone = useApiQuery('forums:get', { id: forumId }).data?.timeZone;
  const checkedIn = useApiQuery('participants:query', { forumId, checkedIn: true, limit: 1 });
  const everyone = useApiQuery('participants:query', { forumId, limit: 1 });
  // Check-ins made at this desk since the screen opened, newest last: what Undo takes back.
  const [mine, setMine] = useState<Participant[]>([]);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<AppError>();
  const input = useRef<HTMLInputElement>(null);
  const reloadCount = checkedIn.reload;
  // Checking people in changes the participant list: the secretariat's.
  const { allowed: mayCheckIn, reason: checkInReason } = useForumRoles(forumId).can('participants', ['checked_in_at']);

  const choose = useCallback(
    async (participant: Participant) => {
      setError(undefined);
      if (!mayCheckIn) {
        setNotice(checkInReason);
        return false;
      }
      if (participant.checkedInAt) {
        setNotice(t('participants.checkIn.already', { name: participant.name, time: formatArrival(participant.checkedInAt, lang, timeZone) }));
        return true;
      }
      const result = await api['participants:checkIn']({ id: participant.id, checkedIn: true });
      if (!result.ok) {
        setError(result.error);
        return false;
      }
      const arrived = result.value;
      setMine((list) => [...list.filter((p) => p.id !== arrived.id), arrived]);
      setNotice(t('participants.checkIn.done', { name: arrived.name, time: formatArrival(arrived.checkedInAt ?? '', lang, timeZone) }));
      reloadCount();
      return true;
    },
    [t, lang, timeZone, reloadCount, mayCheckIn, checkInReason],
  );

  const undo = useCallback(async () => {
    const last = mine.at(-1);
    if (!last) return;
    setError(undefined);
    const result = await api['participants:checkIn']({ id: last.id, checkedIn: false });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setMine((list) => list.filter((p) => p.id !== last.id));
    setNotice(t('participants.checkIn.undone', { name: last.name }));
    reloadCount();
    input.current?.focus();
  }, [mine, t, reloadCount]);
  useUndoShortcut(() => void undo(), mine.length > 0);

  const last = mine.at(-1);
  const countError = checkedIn.error ?? everyone.error;
  return (
    <section aria-labelledby="checkin-heading" className="checkin-screen">
      <div className="screen-heading">
        <h1 id="checkin-heading">{t('participants.checkIn.title')}</h1>
        <p className="checkin-counter">
          {checkedIn.data && everyone.data
            ? t('participants.checkIn.counter', {
                checkedIn: formatNumber(checkedIn.data.total, lang),
                total: formatNumber(everyone.data.total, lang),
              })
            : t('common.loading')}
        </p>
      </div>
      {!mayCheckIn && <p className="hint role-hint">{checkInReason}</p>}
      {countError && <ErrorMessage error={countError} />}
      {error && <ErrorMessage error={error} />}
      {everyone.data?.total === 0 && (
        <div className="empty-state">
          <h2>{t('participants.checkIn.emptyTitle')}</h2>
          <p>{t('participants.checkIn.emptyBody')}</p>
          <p className="actions">
            <a className="button primary" href={routeHref({ name: 'importParticipants', id: forumId })}>
              {t('participants.checkIn.emptyImport')}
            </a>
            <a className="button" href={routeHref({ name: 'newParticipant', id: forumId })}>
              {t('participants.checkIn.emptyAdd')}
            </a>
          </p>
        </div>
      )}
      <CheckInSearch forumId={forumId} timeZone={timeZone} inputRef={input} onChoose={choose} onNotice={setNotice} />
      <div className="checkin-status">
        <p role="status" className="checkin-notice">
          {notice}
        </p>
        {last && (
          <button type="button" onClick={() => void undo()} aria-keyshortcuts="Control+Z">
            {t('participants.checkIn.undo', { name: last.name })}
          </button>
        )}
      </div>
      {mine.length > 0 && (
        <section aria-labelledby="checkin-recent-heading" className="checkin-recent">
          <h2 id="checkin-recent-heading">{t('participants.checkIn.recentTitle')}</h2>
          <ol>
            {mine
              .slice(-recentShown)
              .reverse()
              .map((p) => (
                <li key={p.id}>
                  <span className="checkin-time">{formatArrival(p.checkedInAt ?? '', lang, timeZone)}</span>{' '}
                  <span dir="auto">{p.name}</span>
                  {p.organisation && (
                    <>
                      {' · '}
                      <span dir="auto">{p.organisation}</span>
                    </>
                  )}
                </li>
              ))}
          </ol>
        </section>
      )}
    </section>
  );
}
