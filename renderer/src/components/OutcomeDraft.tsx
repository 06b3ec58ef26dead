import { useTranslation } from 'react-i18next';
import { kindLabel } from './drafting/kindLabel';
import { paragraphStatuses, type OutcomeKind } from '../../../shared/forum';
import { useApiQuery } from '../hooks/useApiQuery';
import { routeHref } from '../hooks/useRoute';
import { formatNumber } from '../i18n/intlFormat';
import { ErrorMessage } from './ErrorMessage';
import { LocalText } from './LocalText';

interface Props {
  forumId: string;
  outcomeKind: OutcomeKind;
  lang: string;
  sourceLanguage: string;
}

/**
 * Where the forum's outcome document stands, at a glance: how many paragraphs are agreed, bracketed,
 * proposed or still drafts, what is open, and the way to the drafting screen where it is read and worked.
 */
export function OutcomeDraft({ forumId, outcomeKind, lang, sourceLanguage }: Props) {
  const { t, i18n } = useTranslation();
  const list = useApiQuery('outcome:list', { forumId });
  const first = list.data?.[0];
  const kind = first?.kind ?? outcomeKind;
  return (
    <section aria-labelledby="outcome-heading" className="outcome-summary">
      <h2 id="outcome-heading">{t('forum.outcome', { kind: kindLabel(t, kind) })}</h2>
      {list.error && <ErrorMessage error={list.error} />}
      {list.data && !first && (
        <div className="empty-state">
          <p>{t('drafting.overview.none')}</p>
          <a className="button primary" href={routeHref({ name: 'drafting', id: forumId })}>
            {t('drafting.overview.start')}
          </a>
        </div>
      )}
      {first && <DocumentSummary forumId={forumId} documentId={first.id} lang={lang} sourceLanguage={sourceLanguage} uiLanguage={i18n.language} others={(list.data?.length ?? 1) - 1} />}
    </section>
  );
}

interface SummaryProps {
  forumId: string;
  documentId: string;
  lang: string;
  sourceLanguage: string;
  uiLanguage: string;
  others: number;
}

function DocumentSummary({ forumId, documentId, lang, sourceLanguage, uiLanguage, others }: SummaryProps) {
  const { t } = useTranslation();
  const doc = useApiQuery('outcome:get', { documentId });
  if (doc.error) return <ErrorMessage error={doc.error} />;
  if (!doc.data) return <p aria-busy="true">{t('common.loading')}</p>;
  const { paragraphs } = doc.data;
  const n = (value: number) => formatNumber(value, uiLanguage);
  // Plural messages (one key per plural form of each language) under `drafting.overview.`.
  const plural = (key: 'paragraphs' | 'openAmendments' | 'untranslated' | 'unsettled' | 'otherDocuments', count: number) =>
    t(`drafting.overview.${key}`, { count, number: n(count) });
  const counted = paragraphs.filter((p) => p.kind !== 'heading');
  const byStatus = paragraphStatuses.map((status) => ({ status, count: counted.filter((p) => p.status === status).length }));
  const openAmendments = paragraphs.reduce((sum, p) => sum + p.amendments.open, 0);
  const untranslated = paragraphs.filter((p) => Object.values(p.translations).some((s) => s !== 'current')).length;
  const unsettled = paragraphs.filter((p) => Object.values(p.alternatives).some((list) => list.length > 0)).length;
  const link = routeHref({ name: 'drafting', id: forumId, documentId });
  return (
    <div className="outcome-summary-body">
      <LocalText as="p" className="outcome-summary-title" text={doc.data.title} lang={lang} sourceLanguage={sourceLanguage} />
      {counted.length === 0 ? (
        <p className="hint">{t('forum.noParagraphs')}</p>
      ) : (
        <>
          <p>{plural('paragraphs', counted.length)}</p>
          <ul className="status-counts" aria-label={t('drafting.overview.byStatus')}>
            {byStatus.map(({ status, count }) => (
              <li key={status} className={`status-count status-${status}`}>
                <span className={`status-badge status-${status}`}>{t(`paragraphStatus.${status}`)}</span> <strong>{n(count)}</strong>
              </li>
            ))}
          </ul>
          <ul className="outcome-summary-notes">
            {openAmendments > 0 && <li>{plural('openAmendments', openAmendments)}</li>}
            {untranslated > 0 && <li>{plural('untranslated', untranslated)}</li>}
            {unsettled > 0 && <li className="warning">{plural('unsettled', unsettled)}</li>}
            {others > 0 && <li>{plural('otherDocuments', others)}</li>}
          </ul>
        </>
      )}
      <a className="button primary" href={link}>
        {t('drafting.overview.open')}
      </a>
    </div>
  );
}
