import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fold } from '../../../../shared/foldText';
import { themeOption, type TagOption } from './noteFormat';
import { TagLabel } from './TagLabel';
import { comboboxProps } from '../comboboxProps';

interface Props {
  /** Catalogue items, then the themes already used in this session. */
  options: readonly TagOption[];
  themes: readonly string[];
  current: readonly string[];
  onAdd(option: TagOption): void;
  onClose(): void;
}

const shown = 12;

/** Best first: an exact code ("11.3"), then a code starting with the words typed, then the rest. */
function rank(option: TagOption, q: string): number {
  const label = fold(option.label);
  if (label === q || label.endsWith(` ${q}`)) return 0;
  if (label.includes(` ${q}`)) return 1;
  return 2;
}

/**
 * Tags for the note: type to filter the catalogues (SDGs and targets, New Urban Agenda, URL-GP)
 * by code or title in the UI language, or the rapporteur's own themes; Enter adds, Escape closes.
 * Anything typed that matches nothing becomes a new theme.
 */
export function TagPicker({ options, themes, current, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  useEffect(() => input.current?.focus(), []);

  const query = text.trim();
  const q = fold(query);
  const words = q.split(/\s+/).filter(Boolean);
  const taken = new Set(current);
  const all = [...themes.map(themeOption), ...options];
  const matches = all
    .filter((option) => !taken.has(option.tag))
    .filter((option) => {
      const hay = fold(`${option.label} ${option.title}`);
      return words.every((word) => hay.includes(word));
    });
  if (q) matches.sort((a, b) => rank(a, q) - rank(b, q));
  const list = matches.slice(0, shown);
  const exactTheme = themes.some((theme) => fold(theme) === q);
  if (query && !exactTheme) list.push({ ...themeOption(query), title: '' });
  const activeIndex = Math.min(active, Math.max(list.length - 1, 0));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + list.length) % list.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = list[activeIndex];
      if (option) onAdd(option);
      else onClose();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="tag-picker" role="dialog" aria-label={t('capture.tags.pickerTitle')}>
      <label htmlFor={`${id}-input`}>{t('capture.tags.find')}</label>
      <input
        id={`${id}-input`}
        ref={input}
        {...comboboxProps(listId, list.length > 0, `${listId}-${activeIndex}`)}
        placeholder={t('capture.tags.placeholder')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={onClose}
      />
      <ul role="listbox" id={listId} aria-label={t('capture.tags.label')} className="picker-options tag-options">
        {list.map((option, index) => {
          const isNew = index === list.length - 1 && query !== '' && !exactTheme;
          return (
            <li
              key={isNew ? `new:${option.tag}` : option.tag}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onAdd(option)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
            >
              {isNew ? (
                <bdi className="option-name">{t('capture.tags.newTheme', { theme: option.label })}</bdi>
              ) : (
                <>
                  <span className="option-name">
                    <TagLabel option={option} />
                  </span>
                  {option.title && <span className="option-org">{option.title}</span>}
                  {option.catalogue === 'theme' && <span className="option-org">{t('capture.tags.theme')}</span>}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
