import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/participants';
import type { AppError } from '../../../../shared/result';
import { api } from '../../api/plenaryApi';
import { formatNumber } from '../../i18n/intlFormat';
import { ErrorMessage } from '../ErrorMessage';
import { countryName, formatArrival } from './participantFormat';
import { useDebouncedValue } from './useDebouncedValue';
import { comboboxProps } from '../comboboxProps';

const resultLimit = 20;

interface Found {
  /** The text these rows answer; Enter never acts on rows found for older text. */
  text: string;
  rows: readonly Participant[];
  total: number;
}

const nothing: Found = { text: '', rows: [], total: 0 };

interface Props {
  forumId: string;
  timeZone: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Checks the person in; resolves true when the box should clear for the next person. */
  onChoose(participant: Participant): Promise<boolean>;
  /** Says something in the screen's live region. */
  onNotice(message: string): void;
}

/**
 * The door's search box, an ARIA combobox: type part of a name or organisation, ArrowUp and
 * ArrowDown move through the matches (the focus stays in the box), Enter checks the person in.
 */
export function CheckInSearch({ forumId, timeZone, inputRef, onChoose, onNotice }: Props) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const settled = useDebouncedValue(text, 80);
  const [found, setFound] = useState<Found>(nothing);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<AppError>();
  const request = useRef(0);

  const search = useCallback(
    async (query: string): Promise<Found> => {
      const id = ++request.current;
      if (!query.trim()) {
        setFound(nothing);
        return nothing;
      }
      const result = await api['participants:query']({ forumId, text: query.trim(), limit: resultLimit });
      if (id !== request.current) return nothing;
      if (!result.ok) {
        setError(result.error);
        return nothing;
      }
      setError(undefined);
      const next = { text: query, rows: result.value.rows, total: result.value.total };
      setFound(next);
      setActive(-1);
      return next;
    },
    [forumId],
  );

  useEffect(() => {
    void search(settled);
  }, [settled, search]);

  useEffect(() => {
    if (active >= 0) document.getElementById(`checkin-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const choose = async (participant: Participant) => {
    if (!(await onChoose(participant))) return;
    request.current++;
    setText('');
    setFound(nothing);
    setActive(-1);
    inputRef.current?.focus();
  };

  const onKeyDown = async (event: KeyboardEvent<HTMLInputElement>) => {
    const count = found.rows.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (count === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (a < 0 ? (step > 0 ? 0 : count - 1) : (a + step + count) % count));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      request.current++;
      setText('');
      setFound(nothing);
      setActive(-1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Typed faster than the search answered: ask now for what is in the box.
      const current = found.text === text ? found : await search(text);
      const index = current === found ? active : -1;
      const person = index >= 0 ? current.rows[index] : current.rows.length === 1 ? current.rows[0] : undefined;
      if (person) {
        await choose(person);
      } else if (current.rows.length > 1) {
        setActive(0);
        onNotice(t('participants.checkIn.chooseOne'));
      }
    }
  };

  const lang = i18n.language;
  const open = found.rows.length > 0 && found.text === text;
  return (
    <div className="checkin-search">
      <label className="checkin-label" htmlFor="checkin-input">
        {t('participants.checkIn.searchLabel')}
      </label>
      <input
        id="checkin-input"
        ref={inputRef}
        {...comboboxProps('checkin-results', open, active >= 0 ? `checkin-option-${active}` : undefined)}
        className="checkin-input"
        spellCheck={false}
        // The door's one job: the box is ready the moment the screen opens.
        autoFocus
        value={text}
        maxLength={200}
        aria-describedby="checkin-hint"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => void onKeyDown(event)}
      />
      <p id="checkin-hint" className="hint">
        {t('participants.checkIn.hint')}
      </p>
      {error && <ErrorMessage error={error} />}
      <ul id="checkin-results" role="listbox" className="checkin-results" aria-label={t('participants.checkIn.resultsLabel')} hidden={!open}>
        {open &&
          found.rows.map((p, index) => (
            <li
              key={p.id}
              id={`checkin-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={p.checkedInAt ? 'checked-in' : undefined}
              // Keep the focus in the box, so a click works like Enter and typing goes on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => void choose(p)}
            >
              <span className="checkin-name" dir="auto">
                {p.name}
              </span>
              <span className="checkin-meta">
                <span dir="auto">{p.organisation}</span>
                {p.country && <span>{countryName(p.country, lang)}</span>}
              </span>
              {p.checkedInAt && (
                <span className="checkin-arrived">
                  {t('participants.checkIn.arrivedAt', { time: formatArrival(p.checkedInAt, lang, timeZone) })}
                </span>
              )}
            </li>
          ))}
      </ul>
      {open && found.total > found.rows.length && (
        <p className="hint">
          {t('participants.checkIn.more', { shown: formatNumber(found.rows.length, lang), total: formatNumber(found.total, lang) })}
        </p>
      )}
      {text.trim() !== '' && found.text === text && found.rows.length === 0 && !error && (
        <p className="hint">{t('participants.checkIn.noMatch', { text: text.trim() })}</p>
      )}
    </div>
  );
}
