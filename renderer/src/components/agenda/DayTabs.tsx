import { useRef, type KeyboardEvent } from 'react';

interface Props {
  days: readonly string[];
  selected: string;
  onSelect(day: string): void;
  label: string;
  labelOf(day: string): string;
  /** Days that hold sessions although the forum does not run then. */
  outside: ReadonlySet<string>;
  outsideLabel: string;
  tabId(day: string): string;
  panelId: string;
}

/**
 * One tab per day (WAI-ARIA tabs, automatic activation): arrows move in reading order, so in
 * Arabic the left arrow goes forward; Home and End jump to the first and last day.
 */
export function DayTabs({ days, selected, onSelect, label, labelOf, outside, outsideLabel, tabId, panelId }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = days.indexOf(selected);
    const rtl = list.current ? getComputedStyle(list.current).direction === 'rtl' : false;
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    let target: number;
    if (event.key === forward) target = (index + 1) % days.length;
    else if (event.key === back) target = (index - 1 + days.length) % days.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = days.length - 1;
    else return;
    event.preventDefault();
    const day = days[target];
    if (day === undefined) return;
    onSelect(day);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(day))}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="day-tabs" ref={list}>
      {days.map((day) => {
        const isSelected = day === selected;
        return (
          <button
            key={day}
            type="button"
            role="tab"
            id={tabId(day)}
            aria-selected={isSelected}
            aria-controls={isSelected ? panelId : undefined}
            tabIndex={isSelected ? 0 : -1}
            className={outside.has(day) ? 'outside-dates' : undefined}
            onClick={() => onSelect(day)}
            onKeyDown={move}
          >
            {labelOf(day)}
            {outside.has(day) && <span className="outside-mark"> {outsideLabel}</span>}
          </button>
        );
      })}
    </div>
  );
}
