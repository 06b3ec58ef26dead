import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';
import { forumInput, outcomeKinds, type ForumInput } from '../../../shared/forum';
import { uiLanguages } from '../../../shared/languages';
import type { AppError, Result } from '../../../shared/result';
import { pruneForumValues, type ForumFormValues } from '../forms/forumFormValues';
import { CoOrganisersField } from './CoOrganisersField';
import { ErrorMessage } from './ErrorMessage';
import { FieldError } from './FieldError';
import { languageName } from '../i18n/languageName';
import { MultilingualField } from './MultilingualField';

const schemaResolver = zodResolver(forumInput);
const resolver: Resolver<ForumFormValues, unknown, ForumInput> = (values, context, options) =>
  schemaResolver(pruneForumValues(values), context, options);

const timeZones: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

interface Props {
  defaultValues: ForumFormValues;
  onSave(values: ForumInput): Promise<Result<unknown>>;
  onCancel(): void;
}

/** The forum's details; validated by the contract's own schema, so the form and the store agree. */
export function ForumForm({ defaultValues, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [saveError, setSaveError] = useState<AppError>();
  // Validate on submit, then as the user corrects: validating on blur shifted the layout under a
  // pointer on its way to Save, and the click was lost.
  const form = useForm<ForumFormValues, unknown, ForumInput>({ defaultValues, resolver });
  const { register, handleSubmit, watch, setError, formState } = form;
  const languages = watch('languages');
  const source = watch('sourceLanguage');
  const ordered = [source, ...languages.filter((l) => l !== source)].filter((l) => languages.includes(l));
  // A forum may work in languages beyond the six the UI speaks; offer those too, never drop them.
  const offered = [...uiLanguages, ...defaultValues.languages.filter((l) => !(uiLanguages as readonly string[]).includes(l))];

  const submit = handleSubmit(async (values) => {
    setSaveError(undefined);
    const result = await onSave(values);
    if (result.ok) return;
    // The core validates again; its field issues land beside the same fields.
    for (const issue of result.error.issues ?? []) {
      setError(issue.path as keyof ForumFormValues, { message: issue.message });
    }
    setSaveError(result.error);
  });

  return (
    <form className="forum-form" onSubmit={(event) => void submit(event)} noValidate>
      {saveError && <ErrorMessage error={saveError} />}
      <fieldset>
        <legend>{t('forumForm.languagesLegend')}</legend>
        <div className="checkbox-row">
          {offered.map((lang) => (
            <label key={lang} className="checkbox">
              <input type="checkbox" value={lang} {...register('languages')} />
              {languageName(lang, i18n.language)}
            </label>
          ))}
        </div>
        <FieldError id="languages-error" error={formState.errors.languages} />
        <label className="field">
          <span>{t('forumForm.sourceLanguage')}</span>
          <select {...register('sourceLanguage')} aria-describedby="sourceLanguage-error">
            {languages.map((lang) => (
              <option key={lang} value={lang}>
                {languageName(lang, i18n.language)}
              </option>
            ))}
          </select>
          <FieldError id="sourceLanguage-error" error={formState.errors.sourceLanguage} />
        </label>
      </fieldset>

      <MultilingualField form={form} name="title" label={t('forumForm.title')} languages={ordered} source={source} />
      <MultilingualField form={form} name="theme" label={t('forumForm.theme')} languages={ordered} source={source} />
      <MultilingualField form={form} name="venue" label={t('forumForm.venue')} languages={ordered} source={source} />

      <div className="field-row">
        <DateField label={t('forumForm.startDate')} id="startDate" registration={register('startDate')} error={formState.errors.startDate} />
        <DateField label={t('forumForm.endDate')} id="endDate" registration={register('endDate')} error={formState.errors.endDate} />
        <label className="field">
          <span>{t('forumForm.timeZone')}</span>
          <input list="time-zones" {...register('timeZone')} aria-invalid={!!formState.errors.timeZone} aria-describedby="timeZone-error" />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <FieldError id="timeZone-error" error={formState.errors.timeZone} />
        </label>
      </div>

      <label className="field">
        <span>{t('forumForm.outcomeKind')}</span>
        <select {...register('outcomeKind')}>
          {outcomeKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`outcomeKind.${kind}`)}
            </option>
          ))}
        </select>
      </label>

      <CoOrganisersField form={form} />
      <MultilingualField
        form={form}
        name="coOrganiserNames"
        label={t('forumForm.coOrganiserNames')}
        hint={t('forumForm.coOrganiserNamesHint')}
        languages={ordered}
        source={source}
        multiline
      />

      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
