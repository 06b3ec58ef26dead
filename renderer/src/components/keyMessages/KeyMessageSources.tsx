import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import type { SessionLabel } from './sessionLabels';

interface Props {
  sources: KeyMessage['sources'];
  sessionLabel(sessionId: string): SessionLabel;
  /** Shown folded (the board's cards), or open (the session lists). */
  folded?: boolean;
}

/** The notes a key message came from: what was said, by whom, in which session. */
export function KeyMessageSources({ sources, sessionLabel, folded = false }: Props) {
  const { t } = useTranslation();
  if (sources.length === 0) return <p className="hint key-message-sources">{t('keyMessages.sources.none')}</p>;
  const list = (
    <ul className="source-list" aria-label={t('keyMessages.sources.title')}>
      {sources.map((source) => {
        const session = sessionLabel(source.sessionId);
        return (
          <li key={source.noteId} className="source-note">
            <blockquote lang={source.lang} dir={directionOf(source.lang)}>
              {source.text}
            </blockquote>
            {/* Speaker and session on lines of their own: a Latin title wrapped inside an Arabic line reads out of order. */}
            <p className="source-meta">
              <span className="source-speaker" dir="auto">
                {source.speakerName || t('keyMessages.sources.noSpeaker')}
              </span>
              <span className="source-session" lang={session.lang} dir={directionOf(session.lang)}>
                {session.text}
              </span>
            </p>
          </li>
        );
      })}
    </ul>
  );
  if (folded) {
    return (
      <details className="key-message-sources">
        <summary>{t('keyMessages.sources.count', { number: sources.length })}</summary>
        {list}
      </details>
    );
  }
  return (
    <div className="key-message-sources">
      <h3>{t('keyMessages.sources.count', { number: sources.length })}</h3>
      {list}
    </div>
  );
}
