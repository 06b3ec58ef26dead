import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { TranslationState } from '../../../../shared/agenda';
import { directionOf } from '../../../../shared/languages';
import { languageName } from '../../i18n/languageName';
import { FieldError } from '../FieldError';
import type { SessionFormApi, TextField } from './sessionFormValues';

interface Props {
  form: SessionFormApi;
  name: TextField;
  label: string;
  /** Working languages, source first. */
  languages: readonly string[];
  source: string;
  /** The texts as loaded, to tell an untouched translation from a fresh one. */
  loaded: Record<string, string>;
  /** What the store says of each translation of the saved session. */
  saved: Record<string, TranslationState>;
  multiline?: boolean;
}

/**
 * One text in every working language side by side, each box in its own direction, each
 * translation marked missing (empty while the source is not) or out of date (the source changed
 * since it was written, by the store's record or by an edit in this form).
 */
export function SessionTextField({ form, name, label, languages, source, loaded, saved, multiline }: Props) {
  const { t, i18n } = useTranslation();
  const values = (useWatch({ control: form.control, name }) ?? {}) as Record<string, string>;
  const errors = form.formState.errors[name] as Record<string, { message?: string }> | undefined;
  const sourceText = (values[source] ?? '').trim();
  const sourceEdited = sourceText !== (loaded[source] ?? '').trim();

  const stateOf = (lang: string): 'missing' | 'outdated' | undefined => {
    if (lang === source) return undefined;
    const text = (values[lang] ?? '').trim();
    if (!text) return sourceText ? 'missing' : undefined;
    const untouched = text === (loaded[lang] ?? '').trim();
    return untouched && (saved[lang] === 'outdated' || sourceEdited) ? 'outdated' : undefined;
  };

  return (
    <fieldset className="multilingual">
      <legend>{label}</legend>
      <div className="side-by-side">
        {languages.map((lang) => {
          const id = `session-${name}-${lang}`;
          const error = errors?.[lang];
          const state = stateOf(lang);
          const describedBy = [state && `${id}-mark`, `${id}-error`].filter(Boolean).join(' ');
          const input = {
            id,
            lang,
            dir: directionOf(lang),
            ...form.register(`${name}.${lang}`),
            'aria-invalid': !!error,
            'aria-describedby': describedBy,
          };
          return (
            <div key={lang} className={`field${state ? ` translation-${state}` : ''}`}>
              {/* The mark sits beside the label, not in it: it describes the box, it does not name it. */}
              <div className="field-head">
                <label htmlFor={id}>
                  {t('forumForm.inLanguage', { field: label, language: languageName(lang, i18n.language) })}
                  {lang === source && <span className="source-mark"> {t('forumForm.sourceMark')}</span>}
                </label>
                {state && (
                  <span id={`${id}-mark`} className={`translation-mark ${state}`}>
                    {t(`agenda.form.${state}`)}
                  </span>
                )}
              </div>
              {multiline ? <textarea rows={3} {...input} /> : <input {...input} />}
              <FieldError id={`${id}-error`} error={error} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
