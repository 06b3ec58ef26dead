import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sessionInput, type AgendaSession, type SessionInput } from '../../../../shared/agenda';
import { sessionKinds, type Forum } from '../../../../shared/forum';
import type { AppError, Result } from '../../../../shared/result';
import { formatDay } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';
import { FieldError } from '../FieldError';
import { agendaDays } from './agendaTime';
import type { PickedPerson } from './ParticipantPicker';
import { SessionRolesField } from './SessionRolesField';
import { SessionTextField } from './SessionTextField';
import { pruneSessionValues, type SessionFormValues } from './sessionFormValues';

const schemaResolver = zodResolver(sessionInput);
const otherDay = 'other';

interface Props {
  forum: Forum;
  defaultValues: SessionFormValues;
  /** The saved session, for its translation states and the names of its people. */
  session?: AgendaSession;
  onSave(values: SessionInput): Promise<Result<unknown>>;
  onCancel(): void;
}

/** A session's details, validated by the contract's own schema; Ctrl+S (⌘S) saves. */
export function SessionForm({ forum, defaultValues, session, onSave, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const languages = useMemo(
    () => [forum.sourceLanguage, ...forum.languages.filter((l) => l !== forum.sourceLanguage)],
    [forum.languages, forum.sourceLanguage],
  );
  const resolver = useMemo<Resolver<SessionFormValues, unknown, SessionInput>>(
    () => (values, context, options) => schemaResolver(pruneSessionValues(values, languages), context, options),
    [languages],
  );
  const form = useForm<SessionFormValues, unknown, SessionInput>({ defaultValues, resolver });
  const { register, handleSubmit, setError, setValue, formState, control } = form;
  const [saveError, setSaveError] = useState<AppError>();
  const [names, setNames] = useState<ReadonlyMap<string, string>>(
    () => new Map(session?.roles.map((r) => [r.participantId, r.name]) ?? []),
  );
  const onNamed = useCallback((person: PickedPerson) => setNames((old) => new Map(old).set(person.id, person.name)), []);

  const forumDays = useMemo(() => agendaDays(forum.startDate, forum.endDate, []), [forum.startDate, forum.endDate]);
  const day = useWatch({ control, name: 'day' });
  const [pickingOtherDay, setPickingOtherDay] = useState(() => !forumDays.includes(defaultValues.day));

  const submit = useMemo(
    () =>
      handleSubmit(async (values) => {
        setSaveError(undefined);
        const result = await onSave(values);
        if (result.ok) return;
        // The core validates again; its issues land beside the same fields.
        for (const issue of result.error.issues ?? []) {
          const path = issue.path.replace(/^session\./, '') as FieldPath<SessionFormValues>;
          setError(path, { message: issue.message });
        }
        setSaveError(result.error);
      }),
    [handleSubmit, onSave, setError],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.code !== 'KeyS') return;
      event.preventDefault();
      void submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [submit]);

  const errors = formState.errors;
  const textProps = { form, languages, source: forum.sourceLanguage };
  return (
    <form className="session-form" onSubmit={(event) => void submit(event)} noValidate>
      {saveError && <ErrorMessage error={saveError} />}
      <div className="field-row">
        <div className="field">
          <label htmlFor="session-day-select">{t('agenda.form.day')}</label>
          <select
            id="session-day-select"
            value={pickingOtherDay ? otherDay : day}
            aria-describedby="session-day-error"
            aria-invalid={!pickingOtherDay && !!errors.day}
            onChange={(event) => {
              const value = event.target.value;
              setPickingOtherDay(value === otherDay);
              if (value !== otherDay) setValue('day', value, { shouldDirty: true, shouldValidate: formState.isSubmitted });
            }}
          >
            {forumDays.map((d) => (
              <option key={d} value={d}>
                {formatDay(d, i18n.language)}
              </option>
            ))}
            <option value={otherDay}>{t('agenda.form.otherDay')}</option>
          </select>
          {!pickingOtherDay && <FieldError id="session-day-error" error={errors.day} />}
        </div>
        {pickingOtherDay && (
          <div className="field">
            <label htmlFor="session-date">{t('agenda.form.date')}</label>
            <input id="session-date" type="date" {...register('day')} aria-invalid={!!errors.day} aria-describedby="session-date-error" />
            <FieldError id="session-date-error" error={errors.day} />
          </div>
        )}
        <div className="field">
          <label htmlFor="session-start">{t('agenda.form.start')}</label>
          <input id="session-start" type="time" {...register('startTime')} aria-invalid={!!errors.startTime} aria-describedby="session-start-error" />
          <FieldError id="session-start-error" error={errors.startTime} />
        </div>
        <div className="field">
          <label htmlFor="session-end">{t('agenda.form.end')}</label>
          <input id="session-end" type="time" {...register('endTime')} aria-invalid={!!errors.endTime} aria-describedby="session-end-error" />
          <FieldError id="session-end-error" error={errors.endTime} />
        </div>
        <div className="field">
          <label htmlFor="session-kind">{t('agenda.kind')}</label>
          <select id="session-kind" {...register('kind')} aria-invalid={!!errors.kind} aria-describedby="session-kind-error">
            {sessionKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sessionKind.${kind}`)}
              </option>
            ))}
          </select>
          <FieldError id="session-kind-error" error={errors.kind} />
        </div>
      </div>
      {forum.timeZone && <p className="hint">{t('agenda.form.timeZone', { zone: forum.timeZone })}</p>}

      <SessionTextField
        {...textProps}
        name="title"
        label={t('agenda.fields.title')}
        loaded={defaultValues.title}
        saved={session?.translations.title ?? {}}
      />
      <SessionTextField
        {...textProps}
        name="room"
        label={t('agenda.fields.room')}
        loaded={defaultValues.room}
        saved={session?.translations.room ?? {}}
      />
      <SessionTextField
        {...textProps}
        name="description"
        label={t('agenda.fields.description')}
        loaded={defaultValues.description}
        saved={session?.translations.description ?? {}}
        multiline
      />

      <SessionRolesField form={form} forumId={forum.id} names={names} onNamed={onNamed} />

      <div className="form-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting} aria-keyshortcuts="Control+S Meta+S">
          {formState.isSubmitting ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <span className="hint">{t('agenda.form.saveShortcut')}</span>
      </div>
    </form>
  );
}
