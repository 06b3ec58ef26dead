import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { delegation, stanceKinds, type Delegation, type StanceKind } from '../../../../shared/amendments';
import type { AppError } from '../../../../shared/result';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { DelegationField } from './DelegationField';

/** The contract's `stances:set` fields, except that the form always records a stance (clearing has its own button). */
const stanceForm = z.object({
  delegation,
  // Nothing is chosen until someone picks a stance; the form says so rather than guess one.
  stance: z
    .enum(stanceKinds, 'validation.required')
    .nullable()
    .transform((value, ctx) => {
      if (value !== null) return value;
      ctx.addIssue({ code: 'custom', message: 'validation.required' });
      return z.NEVER;
    }),
  note: z.string().trim().max(2000, 'validation.tooLong'),
});
const resolver = zodResolver(stanceForm);
type Saved = z.output<typeof stanceForm>;

export interface StanceFormValues {
  delegation: Delegation;
  stance: StanceKind | null;
  note: string;
}

interface Props {
  forumId: string;
  defaultValues: StanceFormValues;
  /** Put the keyboard on the form, when it was opened to change a stance. */
  focus: boolean;
  onSave(values: Saved): Promise<AppError | undefined>;
}

/** Records one delegation's stance; a delegation that already has one gets it replaced. */
export function StanceForm({ forumId, defaultValues, focus, onSave }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const form = useForm<StanceFormValues, unknown, Saved>({ resolver, defaultValues });
  const { register, handleSubmit, setError, formState, control } = form;
  const [saveError, setSaveError] = useState<AppError>();
  const box = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focus) box.current?.querySelector<HTMLInputElement>('input:not([type="radio"])')?.focus();
  }, [focus]);

  const submit = handleSubmit(async (values) => {
    setSaveError(undefined);
    const failure = await onSave(values);
    if (!failure) return;
    for (const issue of failure.issues ?? []) setError(issue.path as FieldPath<StanceFormValues>, { message: issue.message });
    setSaveError(failure);
  });

  const errors = formState.errors;
  return (
    <form className="stance-form" aria-labelledby={`${id}-title`} noValidate onSubmit={(event) => void submit(event)}>
      <h4 id={`${id}-title`}>{t('amendments.stances.formTitle')}</h4>
      <fieldset ref={box} className="stance-fields">
        <legend className="agenda-sr-only">{t('amendments.stances.formTitle')}</legend>
        <Controller
          control={control}
          name="delegation"
          render={({ field }) => (
            <DelegationField
              forumId={forumId}
              legend={t('amendments.stances.delegation')}
              value={field.value}
              onChange={field.onChange}
              error={errors.delegation?.name ?? errors.delegation?.participantId}
            />
          )}
        />
        <fieldset className="stance-choice" aria-describedby={errors.stance ? `${id}-stance-error` : undefined}>
          <legend>{t('amendments.stances.stance')}</legend>
          {stanceKinds.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="radio" value={kind} {...register('stance')} />
              {t(`amendments.stance.${kind}`)}
            </label>
          ))}
          <FieldError id={`${id}-stance-error`} error={errors.stance} />
        </fieldset>
        <label className="field">
          <span>{t('amendments.stances.note')}</span>
          <textarea {...register('note')} rows={2} dir="auto" aria-invalid={!!errors.note} aria-describedby={errors.note ? `${id}-note-error` : undefined} />
          <FieldError id={`${id}-note-error`} error={errors.note} />
        </label>
      </fieldset>
      {saveError && <ErrorMessage error={saveError} />}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('amendments.stances.record')}
        </button>
      </div>
    </form>
  );
}
