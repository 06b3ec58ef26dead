import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import { routeHref } from '../../hooks/useRoute';
import { dayLabel } from '../agenda/agendaFormat';
import { KeyMessageCard } from './KeyMessageCard';
import type { KeyMessageActions } from './keyMessageActions';
import type { SessionLabel } from './sessionLabels';

interface Props {
  forumId: string;
  sessionIds: readonly string[];
  bySession: ReadonlyMap<string, KeyMessage[]>;
  languages: readonly string[];
  sourceLanguage: string;
  themesListId: string;
  selected: ReadonlySet<string>;
  actions: KeyMessageActions;
  sessionLabel(sessionId: string): SessionLabel;
  /** The message a search result opened the screen at. */
  foundId?: string | undefined;
  /** Why this laptop may not change a session's key messages (its role); empty when it may. */
  lockedReason(sessionId: string): string;
}

export const sessionHeadingId = (sessionId: string) => `key-messages-session-${sessionId}`;

/** Session by session in agenda order, each list in the order its rapporteur gave it. */
export function SessionMessageList({ forumId, sessionIds, bySession, languages, sourceLanguage, themesListId, selected, actions, sessionLabel, foundId, lockedReason }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <div className="session-messages">
      {sessionIds.map((sessionId) => {
        const session = sessionLabel(sessionId);
        const messages = bySession.get(sessionId) ?? [];
        const headingId = sessionHeadingId(sessionId);
        return (
          <section key={sessionId} className={`session-messages-group${messages.length === 0 ? ' is-empty' : ''}`} aria-labelledby={headingId}>
            <div className="session-messages-head">
              <h2 id={headingId} tabIndex={-1}>
                <span lang={session.lang} dir={directionOf(session.lang)}>
                  {session.text}
                </span>
              </h2>
              <p className="session-when">
                {session.day && <span>{dayLabel(session.day, i18n.language)}</span>} <span className="session-time">{session.time}</span>
              </p>
              <a href={routeHref({ name: 'capture', id: forumId, sessionId })}>{t('keyMessages.session.captureLink')}</a>
            </div>
            {messages.length === 0 ? (
              <p className="none-yet">{t('keyMessages.session.none')}</p>
            ) : (
              <ol className="key-message-list" aria-labelledby={headingId}>
                {messages.map((message, index) => (
                  <KeyMessageCard
                    key={message.id}
                    message={message}
                    number={index + 1}
                    sessionText={session.text}
                    languages={languages}
                    sourceLanguage={sourceLanguage}
                    themesListId={themesListId}
                    selected={selected.has(message.id)}
                    found={message.id === foundId}
                    canMoveUp={index > 0}
                    canMoveDown={index < messages.length - 1}
                    lockedReason={lockedReason(sessionId)}
                    actions={actions}
                    sessionLabel={sessionLabel}
                  />
                ))}
              </ol>
            )}
          </section>
        );
      })}
    </div>
  );
}
