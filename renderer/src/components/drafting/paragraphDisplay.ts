import type { TFunction } from 'i18next';
import type { DraftParagraph, OutcomeDocument } from '../../../../shared/outcome';
import { printedLabel, referenceText } from '../../../../shared/paragraphPlace';
import { resolveReferences, styleOpeningPhrase, withoutLeadMarker } from '../../../../shared/paragraphRefs';

export type DisplaySettings = Pick<OutcomeDocument, 'places' | 'openingStyle' | 'numbering' | 'roleNumbering'>;

/**
 * A paragraph's text as the screens show it in `lang`, as the exports print it: each reference as
 * the number its paragraph has now (a deleted one marked), the opening phrase styled by role, the
 * whole in square brackets while it is one of several alternatives.
 */
export function displayedText(doc: DisplaySettings, p: Pick<DraftParagraph, 'role' | 'level' | 'inNegotiation'>, text: string, lang: string, t: TFunction): string {
  const resolved = resolveReferences(text, (id) => {
    const place = doc.places[id];
    return place ? referenceText(place, lang) : t('drafting.reference.deleted');
  });
  const style = p.level > 0 || p.role === null ? null : p.role === 'preambular' ? 'italic' : doc.openingStyle;
  const styled = style === null ? withoutLeadMarker(resolved) : styleOpeningPhrase(resolved, style);
  return p.inNegotiation && !/^\[[\s\S]*\]$/.test(styled.trim()) ? `[${styled}]` : styled;
}

/** "5 bis. ", "OP2. ", "(a) ", "First, " in the text's language; '' for headings and unnumbered paragraphs. */
export function displayedLabel(doc: DisplaySettings, p: Pick<DraftParagraph, 'kind' | 'place'>, lang: string): string {
  return p.kind === 'heading' ? '' : printedLabel(p.place, doc, lang);
}
