import type { FieldError as RhfFieldError, UseFormRegisterReturn } from 'react-hook-form';
import { FieldError } from './FieldError';

interface Props {
  label: string;
  /** Unique on the page; the error's id derives from it. */
  id: string;
  registration: UseFormRegisterReturn;
  error: Pick<RhfFieldError, 'message'> | undefined;
}

/** A calendar day picked with the browser's own date input, its error beside it. */
export function DateField({ label, id, registration, error }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="date" {...registration} aria-invalid={!!error} aria-describedby={`${id}-error`} />
      <FieldError id={`${id}-error`} error={error} />
    </label>
  );
}
