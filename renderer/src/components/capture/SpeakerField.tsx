import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../../shared/foldText';
import { useParticipantSearch } from '../../hooks/useParticipantSearch';
import { comboboxProps } from '../comboboxProps';

export interface Speaker {
  id: string | null;
  name: string;
}

interface SessionSpeaker {
  id: string;
  name: string;
  role: string;
}

interface Props {
  forumId: string;
  sessionSpeakers: readonly SessionSpeaker[];
  value: Speaker;
  input: Ref<HTMLInputElement>;
  onPick(speaker: Speaker): void;
  /** Back to the text once a speaker is picked or the choice abandoned. */
  onDone(): void;
}

type Option = { kind: 'session' | 'participant'; id: string; name: string; detail: string } | { kind: 'typed'; name: string } | { kind: 'nobody' };

const shown = 8;

/**
 * Who is speaking: the session's speakers first (from the agenda), then anyone on the participant
 * list as one types, or the typed name itself for someone not listed. Enter picks, Escape leaves.
 */
export function SpeakerField({ forumId, sessionSpeakers, value, input, onPick, onDone }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  // Enter pressed before the list answered: pick once it has, rather than take the typed name.
  const [enterPending, setEnterPending] = useState(false);
  const editing = text !== null;
  const query = (text ?? '').trim();
  const found = useParticipantSearch(forumId, query);


  const options: Option[] = [];
  if (editing) {
    const q = fold(query);
    const inSession = new Set(sessionSpeakers.map((s) => s.id));
    for (const s of sessionSpeakers) {
      if (!q || fold(s.name).includes(q)) options.push({ kind: 'session', id: s.id, name: s.name, detail: t(`capture.speaker.role.${s.role}`) });
    }
    if (query && found.query === query) {
      for (const p of found.rows) {
        if (!inSession.has(p.id)) options.push({ kind: 'participant', id: p.id, name: p.name, detail: p.organisation });
      }
    }
    options.splice(shown);
    if (query) options.push({ kind: 'typed', name: query });
    else if (value.name) options.push({ kind: 'nobody' });
  }
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const expanded = editing && options.length > 0;

  const searching = query !== '' && found.query !== query;
  const close = () => {
    setText(null);
    setActive(0);
    setEnterPending(false);
  };
  const choose = (option: Option) => {
    if (option.kind === 'nobody') onPick({ id: null, name: '' });
    else if (option.kind === 'typed') onPick({ id: null, name: option.name });
    else onPick({ id: option.id, name: option.name });
    close();
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!editing) setText('');
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (searching && activeIndex === 0 && options[0]?.kind === 'typed') {
        setEnterPending(true);
        return;
      }
      const option = options[activeIndex];
      if (option) choose(option);
      else {
        close();
        onDone();
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      onDone();
    }
  };
  const first = options[0];
  useEffect(() => {
    if (enterPending && !searching && first) choose(first);
  });
  const optionLabel = (option: Option) => {
    if (option.kind === 'typed') return t('capture.speaker.typed', { name: option.name });
    if (option.kind === 'nobody') return t('capture.speaker.nobody');
    return option.name;
  };

  return (
    <div className="speaker-field">
      <label htmlFor={`${id}-input`}>{t('capture.speaker.label')}</label>
      <div className="picker-box">
        <input
          id={`${id}-input`}
          ref={input}
          {...comboboxProps(listId, expanded, `${listId}-${activeIndex}`)}
          aria-keyshortcuts="Alt+S"
          placeholder={editing && value.name ? value.name : t('capture.speaker.placeholder')}
          value={editing ? (text ?? '') : value.name}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onFocus={() => {
            // Typing starts a fresh search; the session's speakers show at once.
            setText('');
          }}
          onBlur={close}
          onKeyDown={onKeyDown}
        />
        <ul role="listbox" id={listId} aria-label={t('capture.speaker.label')} className="picker-options" hidden={!expanded}>
          {options.map((option, index) => (
            <li
              key={option.kind === 'session' || option.kind === 'participant' ? option.id : option.kind}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(option)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
            >
              <bdi className="option-name">{optionLabel(option)}</bdi>
              {(option.kind === 'session' || option.kind === 'participant') && option.detail && <bdi className="option-org">{option.detail}</bdi>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
