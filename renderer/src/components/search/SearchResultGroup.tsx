import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchResults } from '../../../../shared/search';
import { formatNumber } from '../../i18n/intlFormat';
import { HighlightedText } from './HighlightedText';

export type SearchGroup = 'notes' | 'keyMessages' | 'sessions' | 'participants';
export type SearchHit = SearchResults['notes'][number];

interface Props {
  group: SearchGroup;
  hits: readonly SearchHit[];
  total: number;
  /** The core stopped counting early: the total is "at least". */
  totalIsLowerBound?: boolean;
  hrefOf(hit: SearchHit): string;
  /** Where the hit belongs (its session, its time), shown under it. */
  contextOf?(hit: SearchHit): ReactNode;
}

/** One kind of result, its total, and each hit as a link to where it can be read or edited. */
export function SearchResultGroup({ group, hits, total, totalIsLowerBound = false, hrefOf, contextOf }: Props) {
  const { t, i18n } = useTranslation();
  if (total === 0) return null;
  const headingId = `search-group-${group}`;
  const count = formatNumber(total, i18n.language);
  const shownTotal = totalIsLowerBound ? t('search.atLeast', { number: count }) : count;
  return (
    <section className="search-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`search.groups.${group}`)} <span className="count-badge">{shownTotal}</span>
      </h2>
      {total > hits.length && (
        <p className="hint">{t('search.showing', { shown: formatNumber(hits.length, i18n.language), total: shownTotal })}</p>
      )}
      <ul className="search-hits" aria-labelledby={headingId}>
        {hits.map((hit) => (
          <li key={hit.id} className="search-hit-item">
            <a className="search-hit" href={hrefOf(hit)}>
              <HighlightedText snippet={hit.snippet} lang={hit.lang} />
            </a>
            {contextOf && <div className="search-context">{contextOf(hit)}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
