import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageRow, OutcomeDocument } from '../../../shared/outcome';
import { ErrorMessage } from '../components/ErrorMessage';
import { LocalText } from '../components/LocalText';
import { CoverageParagraphLinks } from '../components/amendments/CoverageParagraphLinks';
import { useApiQuery } from '../hooks/useApiQuery';
import { routeHref } from '../hooks/useRoute';
import { formatClock, formatDay, formatNumber } from '../i18n/intlFormat';

/** For each session, the paragraphs that carry its key messages; the ones no paragraph reflects stand out. */
export function CoverageScreen({ forumId, documentId }: { forumId: string; documentId: string }) {
  const { t } = useTranslation();
  const document = useApiQuery('outcome:get', { documentId });
  const coverage = useApiQuery('outcome:coverage', { documentId });
  if (!document.data || !coverage.data) {
    const error = document.error ?? coverage.error;
    return error ? <ErrorMessage error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;
  }
  return <CoverageView forumId={forumId} document={document.data} rows={coverage.data} />;
}

type Reach = 'reflected' | 'flagged' | 'empty';
const reachOf = (row: CoverageRow): Reach => (row.paragraphs.length > 0 ? 'reflected' : row.keyMessages > 0 ? 'flagged' : 'empty');
const reachIcons: Record<Reach, string> = { reflected: '✓', flagged: '⚠', empty: '–' };

function CoverageView({ forumId, document, rows }: { forumId: string; document: OutcomeDocument; rows: readonly CoverageRow[] }) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const lang = document.languages.includes(ui) ? ui : document.sourceLanguage;
  const [onlyFlagged, setOnlyFlagged] = useState(false);
  const count = (reach: Reach) => rows.filter((row) => reachOf(row) === reach).length;
  const flagged = count('flagged');
  const empty = count('empty');
  const shown = onlyFlagged ? rows.filter((row) => reachOf(row) === 'flagged') : rows;
  const days = useMemo(() => {
    const byDay = new Map<string, CoverageRow[]>();
    for (const row of shown) byDay.set(row.day, [...(byDay.get(row.day) ?? []), row]);
    return [...byDay];
  }, [shown]);
  const draftingHref = routeHref({ name: 'drafting', id: forumId, documentId: document.id });
  const text = { lang, sourceLanguage: document.sourceLanguage };

  return (
    <section className="coverage-screen" aria-labelledby="coverage-heading">
      <div className="screen-heading">
        <div>
          <h1 id="coverage-heading">{t('coverage.title')}</h1>
          <LocalText as="p" className="meta" text={document.title} {...text} />
        </div>
        <a className="button" href={draftingHref}>
          {t('coverage.backToDrafting')}
        </a>
      </div>
      <p className="hint">{t('coverage.explain')}</p>
      <div className="coverage-summary">
        <p className="coverage-total">{t('coverage.summary', { reflected: formatNumber(count('reflected'), ui), total: formatNumber(rows.length, ui) })}</p>
        {flagged > 0 && (
          <p className="coverage-flagged">
            <span aria-hidden="true">⚠ </span>
            {t('coverage.flaggedCount', { number: formatNumber(flagged, ui) })}
          </p>
        )}
        {empty > 0 && <p className="meta">{t('coverage.emptyCount', { number: formatNumber(empty, ui) })}</p>}
        <label className="checkbox">
          <input type="checkbox" checked={onlyFlagged} onChange={(event) => setOnlyFlagged(event.target.checked)} />
          {t('coverage.onlyFlagged')}
        </label>
      </div>
      {rows.length === 0 && <p className="empty-state">{t('coverage.noSessions')}</p>}
      {onlyFlagged && shown.length === 0 && rows.length > 0 && <p className="empty-state">{t('coverage.allReflected')}</p>}
      {shown.length > 0 && (
        <table className="coverage-table">
          <caption className="agenda-sr-only">{t('coverage.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverage.session')}</th>
              <th scope="col">{t('coverage.keyMessages')}</th>
              <th scope="col">{t('coverage.paragraphs')}</th>
              <th scope="col">{t('coverage.reach')}</th>
            </tr>
          </thead>
          {days.map(([day, dayRows]) => (
            <tbody key={day}>
              <tr className="coverage-day">
                <th scope="colgroup" colSpan={4}>
                  {formatDay(day, ui)}
                </th>
              </tr>
              {dayRows.map((row) => {
                const reach = reachOf(row);
                return (
                  <tr key={row.sessionId} className={`reach-${reach}`}>
                    <th scope="row">
                      <span className="session-time">{formatClock(row.startTime, ui)}</span> <LocalText text={row.title} {...text} />
                      <span className="meta coverage-kind"> {t(`sessionKind.${row.kind}`)}</span>
                    </th>
                    <td className="number">{formatNumber(row.keyMessages, ui)}</td>
                    <td>
                      <CoverageParagraphLinks paragraphs={row.paragraphs} document={document} lang={lang} forumId={forumId} />
                    </td>
                    <td className={`coverage-reach reach-${reach}`}>
                      <span aria-hidden="true" className="reach-icon">
                        {reachIcons[reach]}
                      </span>{' '}
                      {t(`coverage.reachState.${reach}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
