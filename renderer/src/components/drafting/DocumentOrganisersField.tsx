import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutcomeDocumentInput } from '../../../../shared/outcome';
import { FieldError } from '../FieldError';
import type { DocumentFormValues } from './documentValues';

/** The co-organisers named in the document's title block: a growing list of plain names. */
export function DocumentOrganisersField({ form }: { form: UseFormReturn<DocumentFormValues, unknown, OutcomeDocumentInput> }) {
  const { t } = useTranslation();
  const organisers = useWatch({ control: form.control, name: 'coOrganisers' });
  const errors = form.formState.errors.coOrganisers as Array<{ message?: string } | undefined> | undefined;
  const set = (next: string[]) => form.setValue('coOrganisers', next, { shouldDirty: true });
  return (
    <fieldset>
      <legend>{t('drafting.details.coOrganisers')}</legend>
      {organisers.length === 0 && <p className="hint">{t('drafting.details.noCoOrganisers')}</p>}
      <ol className="organisers">
        {organisers.map((_, index) => (
          <li key={index}>
            <label className="field">
              <span>{t('drafting.details.coOrganiser', { number: index + 1 })}</span>
              <input dir="auto" {...form.register(`coOrganisers.${index}`)} aria-describedby={`document-organiser-${index}-error`} />
              <FieldError id={`document-organiser-${index}-error`} error={errors?.[index]} />
            </label>
            <button
              type="button"
              onClick={() => set(form.getValues('coOrganisers').filter((__, i) => i !== index))}
              aria-label={t('drafting.details.removeCoOrganiser', { number: index + 1 })}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => set([...form.getValues('coOrganisers'), ''])}>
        {t('drafting.details.addCoOrganiser')}
      </button>
    </fieldset>
  );
}
