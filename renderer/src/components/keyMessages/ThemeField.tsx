import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleGate } from '../RoleGate';

interface Props {
  id: string;
  theme: string;
  listId: string;
  onCommit(theme: string): void;
  /** Why this laptop may not change it (its role); empty when it may. */
  lockedReason?: string;
}

/**
 * Free text with the themes already in use offered: the theme is saved when the box is left or
 * Enter is pressed, not per keystroke, so a message does not hop between board columns mid-word.
 */
export function ThemeField({ id, theme, listId, onCommit, lockedReason = '' }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(theme);
  useEffect(() => setDraft(theme), [theme]);
  const commit = () => {
    if (!lockedReason && draft.trim() !== theme.trim()) onCommit(draft.trim());
  };
  return (
    <div className="inline-field theme-field">
      <label htmlFor={id}>{t('keyMessages.card.theme')}</label>
      <RoleGate permission={{ allowed: !lockedReason, reason: lockedReason }} kind="text">
        {(gate) => (
          <input
            id={id}
            list={listId}
            value={draft}
            maxLength={120}
            dir="auto"
            placeholder={t('keyMessages.card.themePlaceholder')}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={commit}
            {...gate}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                commit();
              }
            }}
          />
        )}
      </RoleGate>
    </div>
  );
}
