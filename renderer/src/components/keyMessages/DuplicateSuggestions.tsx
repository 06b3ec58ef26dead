import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import type { Permission } from '../../hooks/useForumRoles';
import { RoleGate } from '../RoleGate';
import type { SessionLabel } from './sessionLabels';

export interface DuplicatePair {
  a: KeyMessage;
  b: KeyMessage;
  score: number;
}

interface Props {
  pairs: readonly DuplicatePair[];
  lang: string;
  sourceLanguage: string;
  sessionLabel(sessionId: string): SessionLabel;
  onMerge(pair: DuplicatePair): void;
  onDismiss(pair: DuplicatePair): void;
  /** Whether this laptop may change both messages of a pair (its role, for both sessions). */
  canMerge(pair: DuplicatePair): Permission;
}

const shownAtFirst = 4;

/** Pairs the core found alike (locally, no network): a suggestion to read, never an automatic merge. */
export function DuplicateSuggestions({ pairs, lang, sourceLanguage, sessionLabel, onMerge, onDismiss, canMerge }: Props) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  if (pairs.length === 0) return null;
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const shown = all ? pairs : pairs.slice(0, shownAtFirst);
  const side = (message: KeyMessage) => {
    const text = pickText(message.text, lang, sourceLanguage);
    const session = sessionLabel(message.sessionId);
    return (
      <div className="duplicate-side">
        <p className="duplicate-session" lang={session.lang} dir={directionOf(session.lang)}>
          {session.text}
        </p>
        <p lang={text.lang} dir={directionOf(text.lang)}>
          {text.text}
        </p>
      </div>
    );
  };
  return (
    <section className="duplicate-suggestions" aria-labelledby="duplicates-heading">
      <h2 id="duplicates-heading">{t('keyMessages.duplicates.title')}</h2>
      <p className="hint">{t('keyMessages.duplicates.hint')}</p>
      <ul className="duplicate-list">
        {shown.map((pair) => (
          <li key={`${pair.a.id}|${pair.b.id}`} className="duplicate-pair">
            {side(pair.a)}
            {side(pair.b)}
            <div className="duplicate-actions">
              <span className="duplicate-score">{t('keyMessages.duplicates.score', { score: percent.format(pair.score) })}</span>
              <RoleGate permission={canMerge(pair)}>
                {(gate) => (
                  <button type="button" className="primary" onClick={() => onMerge(pair)} {...gate}>
                    {t('keyMessages.duplicates.merge')}
                  </button>
                )}
              </RoleGate>
              <button type="button" onClick={() => onDismiss(pair)}>
                {t('keyMessages.duplicates.dismiss')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {pairs.length > shownAtFirst && (
        <button type="button" className="agenda-link-button" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('keyMessages.duplicates.fewer') : t('keyMessages.duplicates.all', { number: pairs.length })}
        </button>
      )}
    </section>
  );
}
