import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { languageLabel } from '../agenda/agendaFormat';
import { KeyMessageVersions } from './KeyMessageVersions';
import { useAutosave } from './useAutosave';

interface Props {
  messageId: string;
  lang: string;
  isSource: boolean;
  stored: string;
  /** Concurrent versions of this language's text from other laptops. */
  alternatives: readonly string[];
  onSave(lang: string, text: string): Promise<boolean>;
  onChoose(lang: string, text: string): void;
}

/** One language of a key message, saved as it is typed (no save button anywhere on this screen). */
export function KeyMessageTextField({ messageId, lang, isSource, stored, alternatives, onSave, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const save = useCallback((text: string) => onSave(lang, text), [onSave, lang]);
  const { draft, state, change, flush } = useAutosave(stored, save);
  const id = `key-message-${messageId}-${lang}`;
  const missing = !isSource && draft.trim() === '';
  return (
    <div className={`field key-message-text${missing ? ' is-missing' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>
          {t('keyMessages.card.textIn', { language: languageLabel(lang, i18n.language) })}
          {isSource && <span className="source-mark"> {t('keyMessages.card.sourceMark')}</span>}
        </label>
        <span className={`save-state save-${state}`}>{state === 'idle' ? '' : t(`keyMessages.save.${state}`)}</span>
      </div>
      <textarea
        id={id}
        lang={lang}
        dir={directionOf(lang)}
        rows={3}
        value={draft}
        maxLength={5000}
        aria-describedby={missing ? `${id}-missing` : undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => void flush()}
      />
      {missing && (
        <span id={`${id}-missing`} className="translation-mark missing">
          {t('keyMessages.card.missing')}
        </span>
      )}
      {alternatives.length > 0 && (
        <KeyMessageVersions lang={lang} shown={stored} others={alternatives} onChoose={(text) => onChoose(lang, text)} />
      )}
    </div>
  );
}
