import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delegation } from '../../../../shared/amendments';
import { ParticipantPicker } from '../agenda/ParticipantPicker';
import { FieldError } from '../FieldError';

interface Props {
  forumId: string;
  legend: string;
  value: Delegation;
  onChange(value: Delegation): void;
  error?: { message?: string } | undefined;
}

/**
 * Who speaks: a participant found in the list, or a delegation named on the spot (a country, an
 * organisation) that has no one registered.
 */
export function DelegationField({ forumId, legend, value, onChange, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const picked = value.participantId ? [{ id: value.participantId, name: value.name }] : [];
  return (
    <fieldset className="delegation-field">
      <legend>{legend}</legend>
      <ParticipantPicker
        forumId={forumId}
        label={t('amendments.delegation.participant')}
        selected={picked}
        onAdd={(person) => onChange({ participantId: person.id, name: person.name })}
        onRemove={() => onChange({ participantId: null, name: '' })}
        describedBy={error?.message ? errorId : undefined}
        invalid={!!error?.message}
      />
      {!value.participantId && (
        <label className="field">
          <span>{t('amendments.delegation.name')}</span>
          <input
            value={value.name}
            onChange={(event) => onChange({ participantId: null, name: event.target.value })}
            placeholder={t('amendments.delegation.namePlaceholder')}
            aria-invalid={!!error?.message}
            aria-describedby={error?.message ? errorId : undefined}
            dir="auto"
          />
        </label>
      )}
      <FieldError id={errorId} error={error} />
    </fieldset>
  );
}
