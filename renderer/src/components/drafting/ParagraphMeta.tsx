import { useTranslation } from 'react-i18next';
import type { DraftParagraph } from '../../../../shared/outcome';
import { formatNumber } from '../../i18n/intlFormat';
import { joinList, languageLabel } from '../agenda/agendaFormat';

interface Props {
  paragraph: DraftParagraph;
  /** Working languages other than the source, in the forum's order. */
  targets: readonly string[];
}

/**
 * What a drafting committee scans the document for: the status in words, open amendments, the
 * stance tally, translations missing or out of date, and versions from two laptops to settle.
 */
export function ParagraphMeta({ paragraph, targets }: Props) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const { amendments, stances, translations, alternatives } = paragraph;
  // Plural messages (one key per plural form of each language) under `drafting.counts.`.
  const counted = (key: 'openAmendments' | 'support' | 'objection' | 'reservation', count: number) =>
    t(`drafting.counts.${key}`, { count, number: formatNumber(count, ui) });
  const tally = (['support', 'objection', 'reservation'] as const).filter((kind) => stances[kind] > 0).map((kind) => counted(kind, stances[kind]));
  const marks = targets.flatMap((lang) => {
    const state = translations[lang];
    return state === 'missing' || state === 'outdated' ? [{ lang, state }] : [];
  });
  const unsettled = Object.keys(alternatives).filter((lang) => (alternatives[lang]?.length ?? 0) > 0);
  return (
    <div className="paragraph-meta">
      <span className={`status-badge status-${paragraph.status}`}>{t(`paragraphStatus.${paragraph.status}`)}</span>
      {amendments.open > 0 && (
        <span className="amendment-count">{counted('openAmendments', amendments.open)}</span>
      )}
      {tally.length > 0 && <span className="stance-tally">{tally.join(' · ')}</span>}
      {marks.length > 0 && (
        <ul className="translation-marks" aria-label={t('drafting.translation.label')}>
          {marks.map(({ lang, state }) => (
            <li key={lang} className={`translation-mark ${state}`}>
              {t(`drafting.translation.${state}`, { language: languageLabel(lang, ui) })}
            </li>
          ))}
        </ul>
      )}
      {unsettled.length > 0 && (
        <span className="versions-flag">
          {t('drafting.paragraph.versions', { languages: joinList(unsettled.map((lang) => languageLabel(lang, ui)), ui) })}
        </span>
      )}
      {paragraph.kind !== 'heading' && paragraph.keyMessageIds.length === 0 && <span className="no-sources">{t('drafting.paragraph.noSources')}</span>}
    </div>
  );
}
