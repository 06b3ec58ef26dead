import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TranslationState } from '../../../../shared/agenda';
import { directionOf } from '../../../../shared/languages';
import type { OutcomeDocumentInput } from '../../../../shared/outcome';
import { languageLabel } from '../agenda/agendaFormat';
import { FieldError } from '../FieldError';
import type { DocumentFormValues, DocumentTextField as Field } from './documentValues';

interface Props {
  form: UseFormReturn<DocumentFormValues, unknown, OutcomeDocumentInput>;
  name: Field;
  label: string;
  /** Working languages, source first. */
  languages: readonly string[];
  source: string;
  multiline?: boolean;
  /** Per language, whether the saved translation is missing or out of date. */
  translations?: Record<string, TranslationState>;
}

/** One field of the document's frame in every working language side by side, each in its own direction. */
export function DocumentTextField({ form, name, label, languages, source, multiline = false, translations }: Props) {
  const { t, i18n } = useTranslation();
  const errors = form.formState.errors[name] as Record<string, { message?: string }> | undefined;
  return (
    <fieldset className="multilingual">
      <legend>{label}</legend>
      <div className="side-by-side">
        {languages.map((lang) => {
          const id = `document-${name}-${lang}`;
          const error = errors?.[lang];
          const state = lang === source ? undefined : translations?.[lang];
          const mark = state === 'missing' || state === 'outdated' ? state : undefined;
          const describedBy = [`${id}-error`, mark ? `${id}-mark` : ''].filter(Boolean).join(' ');
          const common = {
            id,
            lang,
            dir: directionOf(lang),
            'aria-invalid': !!error,
            'aria-describedby': describedBy,
            ...form.register(`${name}.${lang}`),
          };
          return (
            <div key={lang} className="field">
              <label htmlFor={id}>
                {t('drafting.details.inLanguage', { field: label, language: languageLabel(lang, i18n.language) })}
                {lang === source && <span className="source-mark"> {t('drafting.sourceMark')}</span>}
              </label>
              {multiline ? <textarea rows={name === 'preamble' ? 4 : 2} {...common} /> : <input {...common} />}
              {mark && (
                <span id={`${id}-mark`} className={`translation-mark ${mark}`}>
                  {t(`drafting.translation.${mark}Short`)}
                </span>
              )}
              <FieldError id={`${id}-error`} error={error} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
