import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { OutcomeDocumentInput } from '../../../../shared/outcome';
import { NameListField } from '../NameListField';
import type { DocumentFormValues } from './documentValues';

/** The co-organisers named in the document's title block: a growing list of plain names. */
export function DocumentOrganisersField({ form }: { form: UseFormReturn<DocumentFormValues, unknown, OutcomeDocumentInput> }) {
  const { t } = useTranslation();
  const organisers = useWatch({ control: form.control, name: 'coOrganisers' });
  return (
    <NameListField
      legend={t('drafting.details.coOrganisers')}
      empty={t('drafting.details.noCoOrganisers')}
      itemLabel={(number) => t('drafting.details.coOrganiser', { number })}
      removeLabel={(number) => t('drafting.details.removeCoOrganiser', { number })}
      addLabel={t('drafting.details.addCoOrganiser')}
      idPrefix="document-organiser"
      values={organisers}
      errors={form.formState.errors.coOrganisers as Array<{ message?: string } | undefined> | undefined}
      register={(index) => form.register(`coOrganisers.${index}`)}
      onChange={(next) => form.setValue('coOrganisers', next, { shouldDirty: true })}
    />
  );
}
