import { useId } from 'react';
import type { DelegationOption } from '../../../../shared/decisions';

interface Props {
  label: string;
  value: string;
  delegations: readonly DelegationOption[];
  onChange(value: string): void;
}

/** A delegation picked from the forum's (typed to filter) or typed as it is. */
export function DelegationField({ label, value, delegations, onChange }: Props) {
  const listId = useId();
  return (
    <label className="field">
      <span>{label}</span>
      <input list={listId} value={value} onChange={(event) => onChange(event.target.value)} required autoComplete="off" />
      <datalist id={listId}>
        {delegations.map((d) => (
          <option key={d.key} value={d.name} />
        ))}
      </datalist>
    </label>
  );
}

/** The key of a delegation named on the screen (its name in the screen's language), or the text as typed. */
export const keyOf = (typed: string, delegations: readonly DelegationOption[]): string => delegations.find((d) => d.name === typed.trim())?.key ?? typed.trim();
