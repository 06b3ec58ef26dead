import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ForumInput } from '../../../shared/forum';
import type { ForumFormValues } from '../forms/forumFormValues';
import { NameListField } from './NameListField';

/** The forum's co-organisers; rows are plain strings, as the schema has them. */
export function CoOrganisersField({ form }: { form: UseFormReturn<ForumFormValues, unknown, ForumInput> }) {
  const { t } = useTranslation();
  const organisers = useWatch({ control: form.control, name: 'coOrganisers' });
  return (
    <NameListField
      legend={t('forumForm.coOrganisers')}
      empty={t('forumForm.noCoOrganisers')}
      itemLabel={(number) => t('forumForm.coOrganiser', { number })}
      removeLabel={(number) => t('forumForm.removeCoOrganiser', { number })}
      addLabel={t('forumForm.addCoOrganiser')}
      idPrefix="coOrganisers"
      values={organisers}
      errors={form.formState.errors.coOrganisers as Array<{ message?: string } | undefined> | undefined}
      register={(index) => form.register(`coOrganisers.${index}`)}
      onChange={(next) => form.setValue('coOrganisers', next, { shouldDirty: true })}
    />
  );
}
