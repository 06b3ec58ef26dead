import { useRef, type KeyboardEvent } from 'react';

export interface PanelTab<Id extends string> {
  id: Id;
  label: string;
  /** A count shown beside the name (the name stays the same, so it can be found by it). */
  count?: number;
}

interface Props<Id extends string> {
  tabs: readonly PanelTab<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  label: string;
  tabId(id: Id): string;
  panelId(id: Id): string;
}

/**
 * WAI-ARIA tabs with automatic activation: the arrows move in reading order (in Arabic the left
 * arrow goes forward), Home and End jump to the first and last tab.
 */
export function PanelTabs<Id extends string>({ tabs, selected, onSelect, label, tabId, panelId }: Props<Id>) {
  const list = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const rtl = list.current ? getComputedStyle(list.current).direction === 'rtl' : false;
    let target: number;
    if (event.key === (rtl ? 'ArrowLeft' : 'ArrowRight')) target = (index + 1) % tabs.length;
    else if (event.key === (rtl ? 'ArrowRight' : 'ArrowLeft')) target = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') target = 0;
    else if (event.key === 'End') target = tabs.length - 1;
    else return;
    event.preventDefault();
    const tab = tabs[target];
    if (!tab) return;
    onSelect(tab.id);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(tab.id))}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="panel-tabs" ref={list}>
      {tabs.map((tab) => {
        const isSelected = tab.id === selected;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(tab.id)}
            aria-selected={isSelected}
            aria-controls={isSelected ? panelId(tab.id) : undefined}
            tabIndex={isSelected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={move}
          >
            {tab.label}
            {tab.count !== undefined && tab.count > 0 && (
              <span className="tab-count" aria-hidden="true">
                {tab.count}
              </span>
            )}
          </button>
        );
      })}
    </div>
  );
}
