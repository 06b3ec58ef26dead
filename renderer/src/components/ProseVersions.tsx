import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../shared/languages';
import type { AppError } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from './ErrorMessage';

interface Props {
  paragraphId: string;
  lang: string;
  shown: string;
  others: string[];
  onSettled(): void;
}

/**
 * Text edited at the same moment on two laptops: nothing is lost, both stand here until someone
 * picks one. The choice is an edit like any other, so it travels to every laptop.
 */
export function ProseVersions({ paragraphId, lang, shown, others, onSettled }: Props) {
  const { t } = useTranslation();
  const [error, setError] = useState<AppError>();
  const choose = async (text: string) => {
    const result = await api['prose:choose']({ table: 'outcome_paragraphs', rowId: paragraphId, cell: `text@${lang}`, text });
    if (result.ok) onSettled();
    else setError(result.error);
  };
  return (
    <div className="prose-versions" role="group" aria-label={t('outcome.versionsTitle')}>
      <p className="warning">{t('outcome.versionsTitle')}</p>
      <ol start={2}>
        {others.map((text, index) => (
          <li key={index}>
            <p lang={lang} dir={directionOf(lang)}>
              {text}
            </p>
            <button type="button" onClick={() => void choose(text)}>
              {t('outcome.useVersion', { number: index + 2 })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => void choose(shown)}>
        {t('outcome.keepShown')}
      </button>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
