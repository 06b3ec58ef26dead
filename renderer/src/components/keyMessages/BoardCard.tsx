import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import { languageLabel } from '../agenda/agendaFormat';
import type { KeyMessageActions } from './keyMessageActions';
import { KeyMessageSources } from './KeyMessageSources';
import type { SessionLabel } from './sessionLabels';
import { ThemeField } from './ThemeField';

interface Props {
  message: KeyMessage;
  number: number;
  lang: string;
  sourceLanguage: string;
  themesListId: string;
  selected: boolean;
  actions: KeyMessageActions;
  sessionLabel(sessionId: string): SessionLabel;
  /** Why this laptop may not change the message (its role, for its session); empty when it may. */
  lockedReason?: string;
}

/** A key message on the theme board: read in one language, re-themed or picked for a merge. */
export const BoardCard = memo(function BoardCard({ message, number, lang, sourceLanguage, themesListId, selected, actions, sessionLabel, lockedReason }: Props) {
  const { t, i18n } = useTranslation();
  const session = sessionLabel(message.sessionId);
  const picked = pickText(message.text, lang, sourceLanguage);
  return (
    <li className={`board-item${selected ? ' is-selected' : ''}`} data-key-message={message.id}>
      <article className={`board-card status-${message.status}`} aria-label={t('keyMessages.card.label', { number, session: session.text })}>
        <p className="board-session">
          <span className="session-time">{session.time}</span>{' '}
          <span lang={session.lang} dir={directionOf(session.lang)}>
            {session.text}
          </span>
        </p>
        <p className="board-text">
          <span lang={picked.lang} dir={directionOf(picked.lang)}>
            {picked.text}
          </span>
          {picked.fallback && (
            <>
              {' '}
              <span className="untranslated-badge">{t('content.untranslated', { language: languageLabel(picked.lang, i18n.language) })}</span>
            </>
          )}
        </p>
        <div className="board-tools">
          <span className={`status-badge status-${message.status}`}>{t(`keyMessages.status.${message.status}`)}</span>
          <label className="checkbox">
            <input type="checkbox" checked={selected} onChange={() => actions.toggleSelected(message.id)} />
            {t('keyMessages.card.select')}
          </label>
        </div>
        <ThemeField id={`board-${message.id}-theme`} theme={message.theme} listId={themesListId} onCommit={(theme) => void actions.update(message.id, { theme })} lockedReason={lockedReason} />
        <KeyMessageSources sources={message.sources} sessionLabel={sessionLabel} folded />
      </article>
    </li>
  );
});
