import { useId, type ReactNode } from 'react';

interface Props<T extends string> {
  legend: string;
  options: readonly T[];
  value: T;
  label(option: T): ReactNode;
  onChange(value: T): void;
}

/** One choice among a few, as radio buttons under a legend. */
export function ChoiceGroup<T extends string>({ legend, options, value, label, onChange }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="export-choices">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option} className="checkbox">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} />
          <span>{label(option)}</span>
        </label>
      ))}
    </fieldset>
  );
}
