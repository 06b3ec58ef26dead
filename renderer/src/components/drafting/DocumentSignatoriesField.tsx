import { useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import type { OutcomeDocumentInput } from '../../../../shared/outcome';
import { languageLabel } from '../agenda/agendaFormat';
import { FieldError } from '../FieldError';
import type { DocumentFormValues } from './documentValues';

interface Props {
  form: UseFormReturn<DocumentFormValues, unknown, OutcomeDocumentInput>;
  /** Working languages, source first. */
  languages: readonly string[];
}

/**
 * A letter's signatories, in signing order: each a name, and a title and organisation in every
 * working language (they print in the document's language). Saved with the document's frame.
 */
export function DocumentSignatoriesField({ form, languages }: Props) {
  const { t, i18n } = useTranslation();
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'signatories' });
  const errors = form.formState.errors.signatories;
  return (
    <fieldset className="signatories">
      <legend>{t('drafting.signatories.legend')}</legend>
      {fields.length === 0 && <p className="hint">{t('drafting.signatories.none')}</p>}
      {fields.map((field, index) => {
        const number = index + 1;
        const nameId = `document-signatory-${index}-name`;
        return (
          <fieldset key={field.id} className="signatory">
            <legend>{t('drafting.signatories.item', { number })}</legend>
            <div className="field">
              <label htmlFor={nameId}>{t('drafting.signatories.name')}</label>
              <input id={nameId} aria-describedby={`${nameId}-error`} aria-invalid={!!errors?.[index]?.name} {...form.register(`signatories.${index}.name`)} />
              <FieldError id={`${nameId}-error`} error={errors?.[index]?.name} />
            </div>
            {(['title', 'organisation'] as const).map((part) => (
              <div key={part} className="side-by-side">
                {languages.map((lang) => {
                  const id = `document-signatory-${index}-${part}-${lang}`;
                  return (
                    <div key={lang} className="field">
                      <label htmlFor={id}>{t('drafting.details.inLanguage', { field: t(`drafting.signatories.${part}`), language: languageLabel(lang, i18n.language) })}</label>
                      <input id={id} lang={lang} dir={directionOf(lang)} {...form.register(`signatories.${index}.${part}.${lang}`)} />
                    </div>
                  );
                })}
              </div>
            ))}
            <button type="button" onClick={() => remove(index)}>
              {t('drafting.signatories.remove', { number })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => append({ name: '', title: {}, organisation: {} })}>
        {t('drafting.signatories.add')}
      </button>
    </fieldset>
  );
}
