import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { genders, orgTypes, participantInput, participantPosition, participantRoles, type ParticipantInput } from '../../../../shared/participants';
import type { AppError, Result } from '../../../../shared/result';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { LanguagesField } from './LanguagesField';
import { countryOptions, formatArrival } from './participantFormat';

// The form always sends a position; the schema's default is for older callers only.
const resolver = zodResolver(participantInput.extend({ position: participantPosition }));
const fieldNames = new Set<string>(Object.keys(participantInput.shape));
// A select offers '' for "not given"; the schema says null.
const emptyToNull = (value: unknown) => (value === '' ? null : value);

interface Props {
  defaultValues: ParticipantInput;
  /** ISO instant of arrival, shown read-only: check-in happens at the door, not here. */
  checkedInAt?: string | null;
  timeZone: string | undefined;
  onSave(values: ParticipantInput): Promise<Result<unknown>>;
  onCancel(): void;
}

/** One participant's details, validated by the contract's own schema; Ctrl+S saves. */
export function ParticipantForm({ defaultValues, checkedInAt, timeZone, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const [saveError, setSaveError] = useState<AppError>();
  const form = useForm<ParticipantInput, unknown, ParticipantInput>({ defaultValues, resolver });
  const { register, handleSubmit, setError, formState } = form;
  const { errors } = formState;
  const formElement = useRef<HTMLFormElement>(null);

  const submit = handleSubmit(async (values) => {
    setSaveError(undefined);
    const result = await onSave(values);
    if (result.ok) return;
    // The core validates again; its issues name fields under `participant.`, placed beside them here.
    for (const issue of result.error.issues ?? []) {
      const field = issue.path.replace(/^participant\./, '').split('.')[0] ?? '';
      if (fieldNames.has(field)) setError(field as Path<ParticipantInput>, { message: issue.message });
    }
    setSaveError(result.error);
  });

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.code !== 'KeyS') return;
      event.preventDefault();
      formElement.current?.requestSubmit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const invalid = (name: keyof ParticipantInput) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': `${name}-error`,
  });

  return (
    <form ref={formElement} className="forum-form participant-form" onSubmit={(event) => void submit(event)} noValidate>
      {saveError && <ErrorMessage error={saveError} />}
      <div className="field-row">
        <label className="field">
          <span>{t('participants.field.name')}</span>
          <input dir="auto" autoComplete="off" {...register('name')} {...invalid('name')} />
          <FieldError id="name-error" error={errors.name} />
        </label>
        <label className="field">
          <span>{t('participants.field.email')}</span>
          <input type="email" dir="ltr" autoComplete="off" {...register('email')} {...invalid('email')} />
          <FieldError id="email-error" error={errors.email} />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{t('participants.field.organisation')}</span>
          <input dir="auto" autoComplete="off" {...register('organisation')} {...invalid('organisation')} />
          <FieldError id="organisation-error" error={errors.organisation} />
        </label>
        <label className="field">
          <span>{t('participants.field.position')}</span>
          <input dir="auto" autoComplete="off" {...register('position')} {...invalid('position')} />
          <FieldError id="position-error" error={errors.position} />
        </label>
        <label className="field">
          <span>{t('participants.field.orgType')}</span>
          <select {...register('orgType', { setValueAs: emptyToNull })} {...invalid('orgType')}>
            <option value="">{t('participants.form.notGiven')}</option>
            {orgTypes.map((type) => (
              <option key={type} value={type}>
                {t(`participants.orgType.${type}`)}
              </option>
            ))}
          </select>
          <FieldError id="orgType-error" error={errors.orgType} />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span>{t('participants.field.country')}</span>
          <select {...register('country')} {...invalid('country')}>
            <option value="">{t('participants.form.notGiven')}</option>
            {countryOptions(i18n.language).map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </select>
          <FieldError id="country-error" error={errors.country} />
        </label>
        <label className="field">
          <span>{t('participants.field.gender')}</span>
          <select {...register('gender', { setValueAs: emptyToNull })} {...invalid('gender')}>
            <option value="">{t('participants.form.notGiven')}</option>
            {genders.map((gender) => (
              <option key={gender} value={gender}>
                {t(`participants.gender.${gender}`)}
              </option>
            ))}
          </select>
          <FieldError id="gender-error" error={errors.gender} />
        </label>
      </div>
      <fieldset aria-describedby="roles-error">
        <legend>{t('participants.field.roles')}</legend>
        <div className="checkbox-row">
          {participantRoles.map((role) => (
            <label key={role} className="checkbox">
              <input type="checkbox" value={role} {...register('roles')} />
              {t(`participants.role.${role}`)}
            </label>
          ))}
        </div>
        <FieldError id="roles-error" error={errors.roles} />
      </fieldset>
      <LanguagesField form={form} />
      {checkedInAt !== undefined && (
        <p className="check-in-state">
          <span className="label">{t('participants.field.checkedInAt')}</span>{' '}
          {checkedInAt
            ? t('participants.form.checkedInAt', { time: formatArrival(checkedInAt, i18n.language, timeZone, true) })
            : t('participants.form.notCheckedIn')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting} aria-keyshortcuts="Control+S">
          {formState.isSubmitting ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
