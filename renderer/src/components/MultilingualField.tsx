import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ForumInput } from '../../../shared/forum';
import { directionOf } from '../../../shared/languages';
import type { ForumFormValues } from '../forms/forumFormValues';
import { FieldError } from './FieldError';
import { languageName } from '../i18n/languageName';

interface Props {
  form: UseFormReturn<ForumFormValues, unknown, ForumInput>;
  name: 'title' | 'theme' | 'venue' | 'coOrganiserNames';
  label: string;
  /** A box of several lines (one co-organiser a line), with a hint under the legend. */
  multiline?: boolean;
  hint?: string;
  /** Working languages, source first. */
  languages: string[];
  source: string;
}

/** One text in every working language side by side, each input typed in its own direction. */
export function MultilingualField({ form, name, label, languages, source, multiline = false, hint }: Props) {
  const { t, i18n } = useTranslation();
  const errors = form.formState.errors[name] as Record<string, { message?: string }> | undefined;
  return (
    <fieldset className="multilingual">
      <legend>{label}</legend>
      {hint && (
        <p id={`${name}-hint`} className="hint">
          {hint}
        </p>
      )}
      <div className="side-by-side">
        {languages.map((lang) => {
          const id = `${name}-${lang}`;
          const error = errors?.[lang];
          return (
            <label key={lang} className="field">
              <span>
                {t('forumForm.inLanguage', { field: label, language: languageName(lang, i18n.language) })}
                {lang === source && <span className="source-mark"> {t('forumForm.sourceMark')}</span>}
              </span>
              {multiline ? (
                <textarea
                  rows={3}
                  lang={lang}
                  dir={directionOf(lang)}
                  {...form.register(`${name}.${lang}`)}
                  aria-invalid={!!error}
                  aria-describedby={[`${id}-error`, hint ? `${name}-hint` : ''].filter(Boolean).join(' ')}
                />
              ) : (
                <input
                  lang={lang}
                  dir={directionOf(lang)}
                  {...form.register(`${name}.${lang}`)}
                  aria-invalid={!!error}
                  aria-describedby={`${id}-error`}
                />
              )}
              <FieldError id={`${id}-error`} error={error} />
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
