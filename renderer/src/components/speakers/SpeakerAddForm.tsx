import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { speakerKinds, type SpeakerKind } from '../../../../shared/speakingTime';
import { useParticipantSearch } from '../../hooks/useParticipantSearch';
import { comboboxProps } from '../comboboxProps';

type Option = { kind: 'participant'; id: string; name: string; detail: string } | { kind: 'typed'; name: string };

interface Props {
  forumId: string;
  input: Ref<HTMLInputElement>;
  disabled: boolean;
  disabledReason: string;
  onAdd(speaker: { participantId: string | null; delegation: string; kind: SpeakerKind }): Promise<boolean>;
}

const shown = 8;

/**
 * Adds a speaker: type a name and pick a participant from the list as it narrows, or add the
 * typed text as a delegation (a country, an organisation). The kind of turn is chosen beside it;
 * a point of order or a right of reply goes ahead of the statements waiting.
 */
export function SpeakerAddForm({ forumId, input, disabled, disabledReason, onAdd }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<SpeakerKind>('statement');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const query = text.trim();
  const found = useParticipantSearch(forumId, query);


  const options: Option[] = [];
  if (query) {
    if (found.query === query) for (const p of found.rows.slice(0, shown)) options.push({ kind: 'participant', id: p.id, name: p.name, detail: p.organisation });
    options.push({ kind: 'typed', name: query });
  }
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const expanded = open && options.length > 0;

  const choose = async (option: Option) => {
    const added = await onAdd(option.kind === 'participant' ? { participantId: option.id, delegation: '', kind } : { participantId: null, delegation: option.name, kind });
    if (added) {
      setText('');
      setOpen(false);
      setActive(0);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      setActive((activeIndex + (event.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[activeIndex];
      if (option) void choose(option);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };

  return (
    <div className="speaker-add" title={disabled ? disabledReason : undefined}>
      <div className="speaker-field">
        <label htmlFor={`${id}-input`}>{t('speakers.add.label')}</label>
        <div className="picker-box">
          <input
            id={`${id}-input`}
            ref={input}
            {...comboboxProps(listId, expanded, `${listId}-${activeIndex}`)}
            aria-keyshortcuts="Alt+A"
            placeholder={t('speakers.add.placeholder')}
            value={text}
            disabled={disabled}
            onChange={(event) => {
              setText(event.target.value);
              setActive(0);
              setOpen(true);
            }}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          <ul role="listbox" id={listId} aria-label={t('speakers.add.label')} className="picker-options" hidden={!expanded}>
            {options.map((option, index) => (
              <li
                key={option.kind === 'participant' ? option.id : 'typed'}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => void choose(option)}
              >
                <bdi className="option-name">{option.kind === 'typed' ? t('speakers.add.typed', { name: option.name }) : option.name}</bdi>
                {option.kind === 'participant' && option.detail && <bdi className="option-org">{option.detail}</bdi>}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <label className="inline-field">
        <span>{t('speakers.add.kind')}</span>
        <select value={kind} onChange={(event) => setKind(event.target.value as SpeakerKind)} disabled={disabled}>
          {speakerKinds.map((k) => (
            <option key={k} value={k}>
              {t(`speakers.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={disabled || options.length === 0} onClick={() => options[activeIndex] && void choose(options[activeIndex])}>
        {t('speakers.add.button')}
      </button>
    </div>
  );
}
