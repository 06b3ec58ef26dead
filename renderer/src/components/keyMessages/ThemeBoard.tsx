import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { BoardCard } from './BoardCard';
import type { KeyMessageActions } from './keyMessageActions';
import { groupByTheme } from './keyMessageOrder';
import type { SessionLabel } from './sessionLabels';

interface Props {
  messages: readonly KeyMessage[];
  sessionOrder: ReadonlyMap<string, number>;
  numberOf(id: string): number;
  lang: string;
  sourceLanguage: string;
  themesListId: string;
  selected: ReadonlySet<string>;
  actions: KeyMessageActions;
  sessionLabel(sessionId: string): SessionLabel;
  /** Why this laptop may not change a session's key messages (its role); empty when it may. */
  lockedReason(sessionId: string): string;
}

/** Every session's messages side by side, one column per theme: where duplicates stand out. */
export function ThemeBoard({ messages, sessionOrder, numberOf, lang, sourceLanguage, themesListId, selected, actions, sessionLabel, lockedReason }: Props) {
  const { t, i18n } = useTranslation();
  const groups = useMemo(() => groupByTheme(messages, sessionOrder, i18n.language), [messages, sessionOrder, i18n.language]);
  return (
    <div className="theme-board">
      {groups.map((group, index) => {
        const headingId = `theme-column-${index}`;
        return (
          <section key={group.theme || '-'} className="theme-column" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <span dir="auto">{group.theme || t('keyMessages.board.noTheme')}</span>{' '}
              <span className="count-badge">{group.messages.length}</span>
            </h2>
            <ul className="board-list">
              {group.messages.map((message) => (
                <BoardCard
                  key={message.id}
                  message={message}
                  number={numberOf(message.id)}
                  lang={lang}
                  sourceLanguage={sourceLanguage}
                  themesListId={themesListId}
                  selected={selected.has(message.id)}
                  actions={actions}
                  sessionLabel={sessionLabel}
                  lockedReason={lockedReason(message.sessionId)}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
