import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Participant } from '../../../../shared/participants';
import { ParticipantRow } from './ParticipantRow';
import type { SortField } from './participantFilters';
import { pageSize, type ParticipantPages } from './useParticipantPages';

// Fixed heights: measuring 25,000 rows would cost more than it gives, and cells truncate anyway.
const rowHeight = 44;
const headerHeight = 44;
const prefetchRows = 60;
const fetchDelayMs = 80;
const restlessRows = 8;

const columns: readonly { key: string; sort?: SortField }[] = [
  { key: 'name', sort: 'name' },
  { key: 'organisation', sort: 'organisation' },
  { key: 'orgType', sort: 'orgType' },
  { key: 'country', sort: 'country' },
  { key: 'gender', sort: 'gender' },
  { key: 'roles' },
  { key: 'checkedInAt', sort: 'checkedInAt' },
];

interface Props {
  pages: ParticipantPages;
  /** Changes whenever the query does: the list then starts again from the top. */
  queryKey: string;
  sort: SortField;
  descending: boolean;
  onSort(field: SortField): void;
  forumId: string;
  timeZone: string | undefined;
  onDelete(participant: Participant): void;
  /** Why this laptop may not change participants (its role); empty when it may. */
  lockedReason?: string;
}

/**
 * The participant list as an ARIA table that only renders the rows in view: aria-rowcount tells
 * assistive technology how many there are, aria-rowindex where each rendered row sits.
 */
export function ParticipantTable({ pages, queryKey, sort, descending, onSort, forumId, timeZone, onDelete, lockedReason }: Props) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const total = pages.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    // The sticky header sits above the rows inside the same scroller.
    scrollMargin: headerHeight,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // The page ahead is asked for before its rows show, whichever way the list is scrolling.
  const firstPage = Math.floor(Math.max(0, first - prefetchRows) / pageSize);
  const lastPage = Math.floor(Math.min(Math.max(total - 1, 0), last + prefetchRows) / pageSize);
  const { ensure } = pages;
  // Moves by a few rows at a time (reading, wheel) restart the wait rarely, so pages come at once;
  // a fling through 25,000 rows restarts it every frame, and only where the list comes to rest is
  // fetched: the core is not left answering for a hundred pages long scrolled past.
  const position = Math.floor(first / restlessRows);

  useEffect(() => {
    const wanted: number[] = [];
    for (let page = firstPage; page <= lastPage; page++) wanted.push(page);
    const timer = setTimeout(() => ensure(wanted), fetchDelayMs);
    return () => clearTimeout(timer);
  }, [firstPage, lastPage, position, ensure]);

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [queryKey]);

  return (
    <div
      ref={scroller}
      role="table"
      className="participant-table"
      aria-label={t('participants.list.tableLabel')}
      aria-rowcount={total + 1}
      aria-busy={pages.stale}
      // Focusable so the keyboard can scroll it, as it holds far more than fits.
      tabIndex={0}
    >
      <div role="rowgroup" className="pt-head" style={{ height: headerHeight }}>
        <div role="row" aria-rowindex={1} className="pt-row">
          {columns.map((column) => {
            const label = t(`participants.field.${column.key}`);
            if (!column.sort) {
              return (
                <div role="columnheader" key={column.key}>
                  {label}
                </div>
              );
            }
            const active = column.sort === sort;
            const field = column.sort;
            return (
              <div role="columnheader" key={column.key} aria-sort={active ? (descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="sort-button" onClick={() => onSort(field)}>
                  {label}
                  <span aria-hidden="true" className={active ? 'sort-mark active' : 'sort-mark'}>
                    {active && descending ? '▼' : '▲'}
                  </span>
                </button>
              </div>
            );
          })}
          <div role="columnheader">{t('participants.list.actions')}</div>
        </div>
      </div>
      <div role="rowgroup" className="pt-body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => (
          <ParticipantRow
            key={item.index}
            participant={pages.row(item.index)}
            rowIndex={item.index + 2}
            top={item.start - headerHeight}
            height={rowHeight}
            forumId={forumId}
            timeZone={timeZone}
            onDelete={onDelete}
            lockedReason={lockedReason}
          />
        ))}
      </div>
    </div>
  );
}
