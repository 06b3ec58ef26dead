import type { TFunction } from 'i18next';
import type { DraftParagraph } from '../../../../shared/outcome';
import { referenceText } from '../../../../shared/paragraphPlace';

/**
 * What a paragraph is called on screen and by screen readers: "Point 3" for a numbered one
 * ("Point 5 bis", "Point 3 (a)" for an alternative or a sub-paragraph, in `lang`, the screen's
 * language), its place in the document for a heading or an unnumbered paragraph (their text may repeat).
 */
export function paragraphName(paragraph: Pick<DraftParagraph, 'kind' | 'number'> & { place?: DraftParagraph['place'] }, index: number, t: TFunction, lang = 'en'): string {
  const place = paragraph.place;
  if (paragraph.kind !== 'heading' && place && place.number !== null && (place.suffix > 0 || place.path.length > 0 || place.countedAs !== null)) {
    return t('drafting.paragraph.point', { number: referenceText(place, lang) });
  }
  if (paragraph.kind === 'numbered' && paragraph.number !== null) return t('drafting.paragraph.point', { number: paragraph.number });
  return t(paragraph.kind === 'heading' ? 'drafting.paragraph.heading' : 'drafting.paragraph.plain', { index: index + 1 });
}
