import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ForumInput } from '../../../shared/forum';
import type { ForumFormValues } from '../forms/forumFormValues';
import { FieldError } from './FieldError';

/** A growing list of organisation names; rows are plain strings, as the schema has them. */
export function CoOrganisersField({ form }: { form: UseFormReturn<ForumFormValues, unknown, ForumInput> }) {
  const { t } = useTranslation();
  const organisers = useWatch({ control: form.control, name: 'coOrganisers' });
  const errors = form.formState.errors.coOrganisers as Array<{ message?: string } | undefined> | undefined;
  const set = (next: string[]) => form.setValue('coOrganisers', next, { shouldDirty: true });
  return (
    <fieldset>
      <legend>{t('forumForm.coOrganisers')}</legend>
      {organisers.length === 0 && <p className="hint">{t('forumForm.noCoOrganisers')}</p>}
      <ol className="organisers">
        {organisers.map((_, index) => (
          <li key={index}>
            <label className="field">
              <span>{t('forumForm.coOrganiser', { number: index + 1 })}</span>
              <input dir="auto" {...form.register(`coOrganisers.${index}`)} aria-describedby={`coOrganisers-${index}-error`} />
              <FieldError id={`coOrganisers-${index}-error`} error={errors?.[index]} />
            </label>
            <button
              type="button"
              onClick={() => set(form.getValues('coOrganisers').filter((__, i) => i !== index))}
              aria-label={t('forumForm.removeCoOrganiser', { number: index + 1 })}
            >
              {t('common.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => set([...form.getValues('coOrganisers'), ''])}>
        {t('forumForm.addCoOrganiser')}
      </button>
    </fieldset>
  );
}
