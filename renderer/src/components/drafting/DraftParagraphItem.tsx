import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import type { DraftParagraph } from '../../../../shared/outcome';
import { textAfterLabel } from '../../../../shared/leadingOrdinal';
import { displayedLabel, displayedText, type DisplaySettings } from './paragraphDisplay';
import { languageLabel } from '../agenda/agendaFormat';
import { parseRichText } from '../../../../shared/richText';
import { needsBlocks, RichBlocks, RichInlineText } from './RichTextView';
import { paragraphName } from './paragraphName';
import { ParagraphMeta } from './ParagraphMeta';

interface Props {
  paragraph: DraftParagraph;
  index: number;
  /** The document's numbering, opening style and every paragraph's place (for references). */
  display: DisplaySettings;
  readingLang: string;
  sourceLanguage: string;
  targets: readonly string[];
  selected: boolean;
  /** The one paragraph reached by Tab when none is selected. */
  tabStop: boolean;
  onSelect(id: string): void;
}

/**
 * One paragraph as it reads in the chosen language, its label ("First, ", "1. ") in that language
 * too, with its status and counts. The whole paragraph is the target: a click or focus selects it.
 */
export const DraftParagraphItem = memo(function DraftParagraphItem(props: Props) {
  const { paragraph, index, display, readingLang, sourceLanguage, targets, selected, tabStop, onSelect } = props;
  const numbering = display.numbering;
  const { t, i18n } = useTranslation();
  const picked = pickText(paragraph.text, readingLang, sourceLanguage);
  // The label is part of the text: "Second, " in the language the text is shown in, so an
  // untranslated paragraph (shown in the source language, marked) reads as one sentence.
  const label = displayedLabel(display, paragraph, picked.lang);
  const text = displayedText(display, paragraph, textAfterLabel(picked.text, label, numbering, picked.lang), picked.lang, t);
  const lead = label && <span className="paragraph-label">{label}</span>;
  const fallback = picked.fallback && (
    <span className="fallback-mark"> {t('content.untranslated', { language: languageLabel(picked.lang, i18n.language) })}</span>
  );
  const body = (
    <>
      <span lang={picked.lang}>
        {lead}
        <RichInlineText text={text} />
      </span>
      {fallback}
    </>
  );
  // Lists, sub-headings and notes read as blocks; a one-line text stays one paragraph, as before.
  const rich = parseRichText(text);
  const blocks = paragraph.kind !== 'heading' && needsBlocks(rich);
  const dir = directionOf(picked.lang);
  return (
    <li
      className={`draft-item kind-${paragraph.kind} level-${paragraph.level}${paragraph.alternativeOf ? ' is-alternative' : ''}${paragraph.role ? ` role-${paragraph.role}` : ''}`}
    >
      <article
        className={`draft-paragraph status-${paragraph.status}${selected ? ' is-selected' : ''}`}
        data-paragraph={paragraph.id}
        tabIndex={selected || tabStop ? 0 : -1}
        aria-label={paragraphName(paragraph, index, t, i18n.language)}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(paragraph.id)}
        onFocus={(event) => {
          if (event.target === event.currentTarget && !selected) onSelect(paragraph.id);
        }}
      >
        {paragraph.kind === 'heading' ? (
          <h3 className="draft-heading" dir={dir}>
            {body}
          </h3>
        ) : blocks ? (
          <div className="draft-text rich-text" dir={dir} lang={picked.lang}>
            <RichBlocks rich={rich} lead={lead} />
            {fallback && <p>{fallback}</p>}
          </div>
        ) : (
          <p className="draft-text" dir={dir}>
            {body}
          </p>
        )}
        <ParagraphMeta paragraph={paragraph} targets={targets} />
        {paragraph.proposers.length > 0 && (
          <p className="proposers">{t('drafting.alternative.proposedBy', { names: paragraph.proposers.join(t('drafting.alternative.separator')) })}</p>
        )}
      </article>
    </li>
  );
});
