import { useTranslation } from 'react-i18next';
import type { KeyMessage } from '../../../../shared/keyMessages';
import { directionOf } from '../../../../shared/languages';
import { useProseText } from '../../hooks/useProseField';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';
import type { ProseSaver } from '../proseSaver';
import { ProseSaveStatus } from '../ProseSaveStatus';
import { RoleGate } from '../RoleGate';
import { KeyMessageVersions } from './KeyMessageVersions';
import { keyMessageTextId, type KeyMessageTextFields } from './keyMessageTextTarget';

interface Props {
  saver: ProseSaver<KeyMessageTextFields, KeyMessage>;
  messageId: string;
  lang: string;
  isSource: boolean;
  /** Instead of "Text in …": an original kept in a language the forum does not work in. */
  label?: string;
  stored: string;
  /** Concurrent versions of this language's text from other laptops. */
  alternatives: readonly string[];
  onChoose(lang: string, text: string): void;
  /** Why this laptop may not change it (its role); empty when it may. */
  lockedReason?: string;
}

/** One language of a key message, saved as it is typed by the prose saver (no save button anywhere on this screen). */
export function KeyMessageTextField({ saver, messageId, lang, isSource, label, stored, alternatives, onChoose, lockedReason = '' }: Props) {
  const { t, i18n } = useTranslation();
  const fields = () => ({ messageId, lang, text: stored });
  const { text, status, change, flush } = useProseText(saver, keyMessageTextId(messageId, lang), fields, stored);
  const id = `key-message-${messageId}-${lang}`;
  const missing = !isSource && text.trim() === '';
  const unsaved = status.state === 'retrying' || status.state === 'rejected';
  const describedBy = [missing ? `${id}-missing` : '', unsaved ? `${id}-save` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field key-message-text${missing ? ' is-missing' : ''}`}>
      <div className="field-head">
        <label htmlFor={id}>
          {label ?? t('keyMessages.card.textIn', { language: languageLabel(lang, i18n.language) })}
          {isSource && <span className="source-mark"> {t('keyMessages.card.sourceMark')}</span>}
        </label>
        <ProseSaveStatus status={status} id={`${id}-save`} />
      </div>
      <RoleGate permission={{ allowed: !lockedReason, reason: lockedReason }} kind="text" describedBy={describedBy}>
        {(gate) => (
          <textarea
            id={id}
            lang={lang}
            dir={directionOf(lang)}
            rows={3}
            value={text}
            maxLength={5000}
            aria-describedby={describedBy}
            onChange={(event) => change(event.target.value)}
            onBlur={() => void flush()}
            {...gate}
          />
        )}
      </RoleGate>
      {missing && (
        <span id={`${id}-missing`} className="translation-mark missing">
          {t('keyMessages.card.missing')}
        </span>
      )}
      {status.state === 'rejected' && status.error && <ErrorMessage error={status.error} />}
      {alternatives.length > 0 && (
        <KeyMessageVersions lang={lang} shown={stored} others={alternatives} onChoose={(chosen) => onChoose(lang, chosen)} />
      )}
    </div>
  );
}
