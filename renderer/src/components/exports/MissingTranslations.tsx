import { useTranslation } from 'react-i18next';
import type { MissingTranslation } from '../../../../shared/exports';
import { useApiQuery } from '../../hooks/useApiQuery';
import { languageLabel } from '../agenda/agendaFormat';
import { ErrorMessage } from '../ErrorMessage';

interface Props {
  documentId: string;
  languages: string[];
  fallback: boolean;
  onFallback(fallback: boolean): void;
  /** Set when an export was asked for while parts were missing and the fallback not chosen. */
  insist: boolean;
}

/**
 * What the chosen languages lack ("Point 5: Spanish"), checked as the choice changes, and the
 * offer to print the source text in its place, marked: an export never prints an empty paragraph.
 */
export function MissingTranslations({ documentId, languages, fallback, onFallback, insist }: Props) {
  const { t, i18n } = useTranslation();
  const check = useApiQuery('export:outcomeCheck', { documentId, languages });
  if (check.error) return <ErrorMessage error={check.error} />;
  if (!check.data) return <p aria-busy="true" className="hint">{t('exports.missing.checking')}</p>;
  const missing = check.data.missing;
  if (missing.length === 0) return null;

  const describe = (item: MissingTranslation) => {
    const language = languageLabel(item.lang, i18n.language);
    if (item.field !== 'paragraph') {
      const field = i18n.exists(`exports.fields.${item.field}`) ? t(`exports.fields.${item.field}`) : item.field;
      return t('exports.missing.field', { field, language });
    }
    return item.number === null ? t('exports.missing.unnumbered', { language }) : t('exports.missing.point', { number: item.number, language });
  };

  return (
    <section className="export-missing" aria-labelledby="export-missing-title">
      <h3 id="export-missing-title">{t('exports.missing.title')}</h3>
      <p className="hint">{t('exports.missing.intro')}</p>
      <ul aria-labelledby="export-missing-title">
        {missing.map((item) => (
          <li key={`${item.lang}:${item.paragraphId ?? item.field}`}>{describe(item)}</li>
        ))}
      </ul>
      <label className="checkbox">
        <input type="checkbox" checked={fallback} onChange={(event) => onFallback(event.target.checked)} aria-describedby="export-fallback-hint" />
        <span>{t('exports.missing.fallback')}</span>
      </label>
      <p id="export-fallback-hint" className="hint">
        {t('exports.missing.fallbackHint')}
      </p>
      {insist && !fallback && (
        <p role="alert" className="field-error">
          {t('exports.missing.choose')}
        </p>
      )}
    </section>
  );
}
