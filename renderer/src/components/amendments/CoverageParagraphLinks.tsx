import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import type { CoverageRow, OutcomeDocument } from '../../../../shared/outcome';
import { routeHref } from '../../hooks/useRoute';
import { formatNumber } from '../../i18n/intlFormat';

interface Props {
  paragraphs: CoverageRow['paragraphs'];
  document: OutcomeDocument;
  lang: string;
  forumId: string;
}

/** Words of a paragraph shown beside its number, enough to recognise it. */
const excerptLength = 70;

/** The paragraphs that carry a session's key messages, each a link to the drafting view, with its opening words. */
export function CoverageParagraphLinks({ paragraphs, document, lang, forumId }: Props) {
  const { t, i18n } = useTranslation();
  if (paragraphs.length === 0) return null;
  const byId = new Map(document.paragraphs.map((p) => [p.id, p]));
  return (
    <ul className="coverage-paragraphs">
      {paragraphs.map((paragraph) => {
        const picked = pickText(byId.get(paragraph.id)?.text, lang, document.sourceLanguage);
        const excerpt = picked.text.length > excerptLength ? `${picked.text.slice(0, excerptLength)}…` : picked.text;
        const label =
          paragraph.number !== null ? t('coverage.point', { number: formatNumber(paragraph.number, i18n.language) }) : t(`coverage.unnumbered.${paragraph.kind}`);
        return (
          <li key={paragraph.id}>
            <a href={routeHref({ name: 'drafting', id: forumId, documentId: document.id, paragraphId: paragraph.id })}>{label}</a>{' '}
            <span className="coverage-excerpt" lang={picked.lang} dir={directionOf(picked.lang)}>
              {excerpt}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
