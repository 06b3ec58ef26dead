import { memo, useCallback, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import type { KeyMessageActions } from './keyMessageActions';
import { KeyMessageSources } from './KeyMessageSources';
import { KeyMessageTextField } from './KeyMessageTextField';
import { RoleGate } from '../RoleGate';
import { OriginalTexts } from './OriginalTexts';
import type { SessionLabel } from './sessionLabels';
import { ThemeField } from './ThemeField';

interface Props {
  message: KeyMessage;
  number: number;
  sessionText: string;
  /** Working languages, source first. */
  languages: readonly string[];
  sourceLanguage: string;
  themesListId: string;
  selected: boolean;
  /** Opened from a search result: marked, and takes the keyboard. */
  found?: boolean;
  canMoveUp: boolean;
  canMoveDown: boolean;
  actions: KeyMessageActions;
  sessionLabel(sessionId: string): SessionLabel;
  /** Why this laptop may not change the message (its role, for this session); empty when it may. A string keeps the card memoised. */
  lockedReason?: string;
}

/**
 * One key message of a session as its rapporteur works on it: the text in every working language
 * side by side, its theme and status, its place in the list, and beside it the notes it came from.
 */
export const KeyMessageCard = memo(function KeyMessageCard(props: Props) {
  const { message, number, sessionText, languages, sourceLanguage, themesListId, selected, found = false, canMoveUp, canMoveDown, actions, sessionLabel, lockedReason = '' } = props;
  const permission = { allowed: !lockedReason, reason: lockedReason };
  const { t } = useTranslation();
  const { id } = message;
  const choose = useCallback((lang: string, text: string) => actions.choose(id, lang, text), [actions, id]);
  // The box follows the click at once; the core's answer confirms it (or puts it back on failure).
  const [statusShown, setStatusShown] = useState<KeyMessage['status']>();
  const validated = (statusShown ?? message.status) === 'validated';
  const toggleValidated = () => {
    const status = validated ? 'draft' : 'validated';
    setStatusShown(status);
    void actions.update(id, { status }).then(() => setStatusShown(undefined));
  };

  // Alt+Up and Alt+Down move the message from wherever the focus is inside it.
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || lockedReason) return;
    const direction = event.key === 'ArrowUp' ? 'up' : event.key === 'ArrowDown' ? 'down' : undefined;
    if (!direction || (direction === 'up' ? !canMoveUp : !canMoveDown)) return;
    event.preventDefault();
    actions.move(id, direction);
  };

  return (
    <li className={`key-message-item${selected ? ' is-selected' : ''}${found ? ' found' : ''}`} data-key-message={id}>
      <article
        tabIndex={found ? -1 : undefined}
        aria-current={found ? 'true' : undefined}
        className={`key-message-card status-${message.status}`}
        aria-label={t('keyMessages.card.label', { number, session: sessionText })}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onKeyDown={onKeyDown}
      >
        <div className="key-message-head">
          <span className="key-message-number" aria-hidden="true">
            {number}
          </span>
          <span className={`status-badge status-${message.status}`}>{t(`keyMessages.status.${message.status}`)}</span>
          <div className="key-message-tools">
            <RoleGate permission={permission}>
              {(gate) => (
                <button type="button" {...gate} className="icon-button" disabled={!canMoveUp} onClick={() => actions.move(id, 'up')} aria-keyshortcuts="Alt+ArrowUp">
                  <span aria-hidden="true">↑ </span>
                  {t('keyMessages.card.moveUp')}
                </button>
              )}
            </RoleGate>
            <RoleGate permission={permission}>
              {(gate) => (
                <button type="button" {...gate} className="icon-button" disabled={!canMoveDown} onClick={() => actions.move(id, 'down')} aria-keyshortcuts="Alt+ArrowDown">
                  <span aria-hidden="true">↓ </span>
                  {t('keyMessages.card.moveDown')}
                </button>
              )}
            </RoleGate>
            <label className="checkbox">
              <input type="checkbox" checked={selected} onChange={() => actions.toggleSelected(id)} />
              {t('keyMessages.card.select')}
            </label>
            <RoleGate permission={permission}>
              {(gate) => (
                <button type="button" {...gate} className="danger-link" onClick={() => actions.remove(message)}>
                  {t('keyMessages.card.delete')}
                </button>
              )}
            </RoleGate>
          </div>
        </div>
        <div className="key-message-body">
          <div className="key-message-texts">
            {languages.map((lang) => (
              <KeyMessageTextField
                key={lang}
                saver={actions.textSaver}
                messageId={id}
                lang={lang}
                isSource={lang === sourceLanguage}
                stored={message.text[lang] ?? ''}
                alternatives={message.alternatives[lang] ?? []}
                onChoose={choose}
                lockedReason={lockedReason}
              />
            ))}
            <OriginalTexts message={message} languages={languages} actions={actions} onChoose={choose} />
          </div>
          <KeyMessageSources sources={message.sources} sessionLabel={sessionLabel} />
        </div>
        <div className="key-message-foot">
          <ThemeField id={`key-message-${id}-theme`} theme={message.theme} listId={themesListId} onCommit={(theme) => void actions.update(id, { theme })} lockedReason={lockedReason} />
          <label className="checkbox">
            <RoleGate permission={permission}>{(gate) => <input type="checkbox" checked={validated} onChange={toggleValidated} {...gate} />}</RoleGate>
            {t('keyMessages.card.validated')}
          </label>
        </div>
      </article>
    </li>
  );
});
