import type { TFunction } from 'i18next';
import type { DraftParagraph } from '../../../../shared/outcome';

/**
 * What a paragraph is called on screen and by screen readers: "Point 3" for a numbered one, its
 * place in the document for a heading or an unnumbered paragraph (their text may repeat).
 */
export function paragraphName(paragraph: Pick<DraftParagraph, 'kind' | 'number'>, index: number, t: TFunction): string {
  if (paragraph.kind === 'numbered' && paragraph.number !== null) return t('drafting.paragraph.point', { number: paragraph.number });
  return t(paragraph.kind === 'heading' ? 'drafting.paragraph.heading' : 'drafting.paragraph.plain', { index: index + 1 });
}
