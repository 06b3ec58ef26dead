import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { GeneratedFlag } from '../../../../shared/keyMessagesDocument';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';

interface Props {
  flag: GeneratedFlag;
  /** Takes the source's text into the paragraph, in the languages concerned. */
  onUse(text: Record<string, string>): Promise<AppError | undefined>;
  /** The flag was settled another way: read the flags again. */
  onSettled(): void;
}

/**
 * Beside a generated paragraph whose key message (or session title) moved on: what it says now,
 * and the drafters' choice between its words and theirs. A withdrawn source is only reported:
 * the paragraph stays until someone deletes it.
 */
export function GeneratedFlagNotice({ flag, onUse, onSettled }: Props) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<AppError>();
  const heading = flag.keyMessageId === null;
  const use = async () => {
    const text = Object.fromEntries(flag.languages.map((lang) => [lang, flag.sourceText[lang] ?? '']).filter(([, value]) => value !== ''));
    setError(await onUse(text));
  };
  const keep = async () => {
    const result = await api['documents:keepEdited']({ paragraphId: flag.paragraphId });
    if (result.ok) onSettled();
    else setError(result.error);
  };
  const quoted = flag.state === 'withdrawn' ? [] : flag.languages;
  return (
    <div className="generated-flag" role="note" aria-labelledby={`generated-flag-${flag.paragraphId}`}>
      <p id={`generated-flag-${flag.paragraphId}`}>
        <strong>{t(`generatedDocument.notice.${flag.state}${heading ? 'Heading' : ''}`)}</strong>
      </p>
      {quoted.map((lang) => (
        <figure key={lang}>
          <figcaption>{languageLabel(lang, i18n.language)}</figcaption>
          <blockquote lang={lang} dir="auto">
            {flag.sourceText[lang]}
          </blockquote>
        </figure>
      ))}
      {flag.state === 'changed' && (
        <div className="actions">
          <button type="button" onClick={() => void use()}>
            {t(heading ? 'generatedDocument.useTitle' : 'generatedDocument.useMessage')}
          </button>
          <button type="button" onClick={() => void keep()}>
            {t('generatedDocument.keepMine')}
          </button>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
