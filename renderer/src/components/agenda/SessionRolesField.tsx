import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { sessionRoles, type SessionRole } from '../../../../shared/agenda';
import { FieldError } from '../FieldError';
import { ParticipantPicker, type PickedPerson } from './ParticipantPicker';
import type { SessionFormApi } from './sessionFormValues';

interface Props {
  form: SessionFormApi;
  forumId: string;
  /** Names of the people in the roles, by participant id: the form's values hold ids only. */
  names: ReadonlyMap<string, string>;
  onNamed(person: PickedPerson): void;
}

/** Chair, moderator, speakers and rapporteurs, each picked by searching the participant list. */
export function SessionRolesField({ form, forumId, names, onNamed }: Props) {
  const { t } = useTranslation();
  const roles = useWatch({ control: form.control, name: 'roles' }) ?? [];
  // An issue may name the role (`roles.3`, a duplicate) or the person in it (`roles.3.participantId`).
  type ItemError = { message?: string; participantId?: { message?: string } };
  const errors = form.formState.errors.roles as
    | (Array<ItemError | undefined> & { message?: string; root?: { message?: string } })
    | undefined;
  const submitted = form.formState.isSubmitted;

  const set = (next: typeof roles) => form.setValue('roles', next, { shouldDirty: true, shouldValidate: submitted });
  const add = (role: SessionRole, person: PickedPerson) => {
    onNamed(person);
    set([...form.getValues('roles'), { participantId: person.id, role }]);
  };
  const remove = (role: SessionRole, id: string) =>
    set(form.getValues('roles').filter((r) => !(r.role === role && r.participantId === id)));

  return (
    <fieldset className="session-roles-field">
      <legend>{t('agenda.form.roles')}</legend>
      <FieldError id="roles-error" error={errors?.root ?? (errors?.message ? errors : undefined)} />
      <div className="roles-grid">
        {sessionRoles.map((role) => {
          const indexes = roles.flatMap((r, index) => (r.role === role ? [index] : []));
          const selected = indexes.map((index) => {
            const id = roles[index]?.participantId ?? '';
            return { id, name: names.get(id) ?? id };
          });
          const error = indexes
            .map((index) => errors?.[index])
            .map((e) => (e?.message ? e : e?.participantId))
            .find((e) => e?.message);
          const errorId = `roles-${role}-error`;
          return (
            <div key={role} className="field">
              <ParticipantPicker
                forumId={forumId}
                label={t(`agenda.roles.${role}`)}
                selected={selected}
                onAdd={(person) => add(role, person)}
                onRemove={(id) => remove(role, id)}
                describedBy={errorId}
                invalid={!!error}
              />
              <FieldError id={errorId} error={error} />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
