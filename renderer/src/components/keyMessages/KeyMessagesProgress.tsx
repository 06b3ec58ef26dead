import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { formatNumber } from '../../i18n/intlFormat';
import type { SessionLabel } from './sessionLabels';

export interface SessionProgress {
  notes: number;
  keyMessages: number;
  validated: number;
}

interface Props {
  sessionIds: readonly string[];
  progress: ReadonlyMap<string, SessionProgress>;
  sessionLabel(sessionId: string): SessionLabel;
  onJump(sessionId: string): void;
}

const none: SessionProgress = { notes: 0, keyMessages: 0, validated: 0 };

/** "Mon 23": enough to tell apart two sessions at the same hour on different days. */
function shortDay(day: string, uiLanguage: string): string {
  if (!day) return '';
  try {
    return new Intl.DateTimeFormat(uiLanguage, { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  } catch {
    return day;
  }
}

/** Where each session stands, with the ones that have no key message yet picked out. */
export function KeyMessagesProgress({ sessionIds, progress, sessionLabel, onJump }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const withMessages = sessionIds.filter((id) => (progress.get(id)?.keyMessages ?? 0) > 0).length;
  const missing = sessionIds.length - withMessages;
  return (
    <details className="key-messages-progress" open>
      <summary>
        <span className="progress-title">{t('keyMessages.progress.title')}</span>{' '}
        <span>{t('keyMessages.progress.summary', { done: formatNumber(withMessages, lang), total: formatNumber(sessionIds.length, lang) })}</span>
        {missing > 0 && (
          <>
            {' '}
            <span className="none-badge">{t('keyMessages.progress.missing', { number: formatNumber(missing, lang) })}</span>
          </>
        )}
      </summary>
      {/* A summary above the messages: it scrolls within a third of the screen rather than fill it. */}
      <div className="progress-scroll">
        <table className="progress-table">
          <caption className="agenda-sr-only">{t('keyMessages.progress.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('keyMessages.progress.session')}</th>
              <th scope="col">{t('keyMessages.progress.notes')}</th>
              <th scope="col">{t('keyMessages.progress.keyMessages')}</th>
              <th scope="col">{t('keyMessages.progress.validated')}</th>
            </tr>
          </thead>
          <tbody>
            {sessionIds.map((id) => {
              const row = progress.get(id) ?? none;
              const session = sessionLabel(id);
              return (
                <tr key={id} className={row.keyMessages === 0 ? 'is-none' : undefined}>
                  <th scope="row">
                    <span className="session-time">
                      {shortDay(session.day, lang)} {session.time}
                    </span>{' '}
                    <button type="button" className="agenda-link-button" onClick={() => onJump(id)}>
                      <span lang={session.lang} dir={directionOf(session.lang)}>
                        {session.text}
                      </span>
                    </button>
                    {row.keyMessages === 0 && (
                      <>
                        {' '}
                        <span className="none-badge">{t('keyMessages.session.none')}</span>
                      </>
                    )}
                  </th>
                  <td>{formatNumber(row.notes, lang)}</td>
                  <td>{formatNumber(row.keyMessages, lang)}</td>
                  <td>
                    {formatNumber(row.validated, lang)}
                    {row.keyMessages > 0 && row.validated === row.keyMessages && <span className="all-validated" aria-hidden="true"> ✓</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
