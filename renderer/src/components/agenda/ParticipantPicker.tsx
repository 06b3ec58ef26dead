import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/participants';
import { api } from '../../api/plenaryApi';
import { comboboxProps } from '../comboboxProps';

export interface PickedPerson {
  id: string;
  name: string;
}

interface Props {
  forumId: string;
  label: string;
  /** People already chosen, shown as removable chips; leave out for a single choice made elsewhere. */
  selected?: readonly PickedPerson[];
  onAdd(person: PickedPerson): void;
  onRemove?(id: string): void;
  describedBy?: string;
  invalid?: boolean;
}

const pageSize = 8;
/** More than shown, so people already chosen can be left out and still fill the list. */
const searchSize = 40;

/**
 * A combobox that searches the forum's participants as you type (WAI-ARIA combobox with a
 * listbox popup): arrows move, Enter picks, Escape closes, Backspace in an empty box removes
 * the last person picked.
 */
export function ParticipantPicker({ forumId, label, selected = [], onAdd, onRemove, describedBy, invalid }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<{ text: string; rows: Participant[] }>({ text: '', rows: [] });
  const [active, setActive] = useState(0);

  const query = text.trim();
  useEffect(() => {
    if (!query) return;
    let current = true;
    // A short pause lets a fast typist finish the word before the search runs.
    const timer = window.setTimeout(() => {
      void api['participants:query']({ forumId, text: query, limit: searchSize }).then((result) => {
        if (current && result.ok) setFound({ text: query, rows: result.value.rows });
      });
    }, 120);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [forumId, query]);

  const chosen = new Set(selected.map((p) => p.id));
  const options = query && found.text === query ? found.rows.filter((p) => !chosen.has(p.id)).slice(0, pageSize) : [];
  const searching = query !== '' && found.text !== query;
  const expanded = open && query !== '';
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  const choose = (person: Participant) => {
    onAdd({ id: person.id, name: person.name });
    setText('');
    setActive(0);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      // Enter picks; it must never submit the surrounding form half-filled.
      event.preventDefault();
      const person = options[activeIndex];
      if (expanded && person) choose(person);
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        event.stopPropagation();
        setOpen(false);
      } else if (text) setText('');
    } else if (event.key === 'Backspace' && text === '' && selected.length > 0 && onRemove) {
      const last = selected[selected.length - 1];
      if (last) onRemove(last.id);
    }
  };

  return (
    <div className="participant-picker">
      <label htmlFor={inputId} className="picker-label">
        {label}
      </label>
      {selected.length > 0 && (
        <ul className="chips" aria-label={label}>
          {selected.map((person) => (
            <li key={person.id} className="chip">
              <bdi>{person.name}</bdi>
              {onRemove && (
                <button type="button" className="chip-remove" onClick={() => onRemove(person.id)} aria-label={t('agenda.picker.remove', { name: person.name, role: label })}>
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="picker-box">
        <input
          id={inputId}
          {...comboboxProps(listId, expanded, options[activeIndex] ? `${listId}-${activeIndex}` : undefined)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          placeholder={t('agenda.picker.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => setOpen(true)}
        />
        <ul role="listbox" id={listId} aria-label={label} className="picker-options" hidden={!expanded}>
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              // Keep focus in the box, so the click lands and typing can go on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
            >
              <bdi className="option-name">{person.name}</bdi>
              {person.organisation && <bdi className="option-org">{person.organisation}</bdi>}
            </li>
          ))}
        </ul>
        {expanded && (
          <p className="picker-status" role="status">
            {searching ? t('agenda.picker.searching') : options.length === 0 ? t('agenda.picker.noMatch') : ''}
          </p>
        )}
      </div>
    </div>
  );
}
