import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { coOrganisersIn } from '../../../../shared/documentKinds';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import type { DraftParagraph, OutcomeDocument } from '../../../../shared/outcome';
import { formatDateRange } from '../../i18n/intlFormat';
import { LocalText } from '../LocalText';
import { countStatuses } from '../../../../shared/paragraphPlaces';
import { StatusCounts } from '../StatusCounts';
import { DraftParagraphItem } from './DraftParagraphItem';
import type { DisplaySettings } from './paragraphDisplay';

interface Props {
  document: OutcomeDocument;
  paragraphs: readonly DraftParagraph[];
  readingLang: string;
  selectedId: string | undefined;
  onSelect(id: string): void;
  /** Shown where the new paragraph will go: after the selected one, or at the end. */
  composer: ReactNode;
  composerAfter: string | undefined;
  empty: ReactNode;
}

/** The comma that separates place and date in the language's own script. */
function comma(lang: string): string {
  if (lang.startsWith('zh') || lang.startsWith('ja')) return '，';
  if (lang.startsWith('ar') || lang.startsWith('fa') || lang.startsWith('ur')) return '، ';
  return ', ';
}

function longDate(iso: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  } catch {
    return iso;
  }
}

/**
 * The outcome document laid out as it will be read (title block, preamble, lead-in, paragraphs,
 * closing line), in one working language. Rendering it is cheap: nothing here asks the core.
 */
export function DocumentReader({ document: doc, paragraphs, readingLang, selectedId, onSelect, composer, composerAfter, empty }: Props) {
  const { t } = useTranslation();
  const text = { lang: readingLang, sourceLanguage: doc.sourceLanguage };
  // The co-organisers as the reading language's version prints them.
  const organisers = coOrganisersIn(doc.coOrganisers, doc.coOrganiserNames, readingLang);
  // One array for every paragraph, so the memoised paragraphs do not redraw when nothing changed.
  const targets = useMemo(() => doc.languages.filter((l) => l !== doc.sourceLanguage), [doc.languages, doc.sourceLanguage]);
  // References print the numbers the paragraphs have here now (renumbered at once after a move).
  const display = useMemo<DisplaySettings>(
    () => ({ ...doc, places: { ...doc.places, ...Object.fromEntries(paragraphs.map((p) => [p.id, p.place])) } }),
    [doc, paragraphs],
  );
  const counts = useMemo(() => countStatuses(paragraphs), [paragraphs]);
  const place = pickText(doc.place, readingLang, doc.sourceLanguage);
  // "Place, end date" in the reading language where the document has no closing line of its own.
  const ownClosing = doc.closing[readingLang];
  const closingLine = ownClosing
    ? { text: ownClosing, lang: readingLang }
    : { text: [place.text, longDate(doc.endDate, readingLang)].filter(Boolean).join(comma(readingLang)), lang: readingLang };
  const preamble = pickText(doc.preamble, readingLang, doc.sourceLanguage);
  const hasSelected = paragraphs.some((p) => p.id === selectedId);

  return (
    <article className="outcome-document" aria-labelledby="outcome-document-title">
      <StatusCounts counts={counts} />
      <header className="document-head">
        <h2 id="outcome-document-title">
          <LocalText text={doc.title} {...text} />
        </h2>
        {Object.keys(doc.subtitle).length > 0 && <LocalText as="p" className="document-subtitle" text={doc.subtitle} {...text} />}
        <p className="document-place">
          <span lang={place.lang} dir={directionOf(place.lang)}>
            {place.text}
          </span>
          {place.text && ' · '}
          <span lang={readingLang} dir={directionOf(readingLang)}>
            {formatDateRange(doc.startDate, doc.endDate, readingLang)}
          </span>
        </p>
        {organisers.length > 0 && (
          <ul className="document-organisers" aria-label={t('drafting.reader.coOrganisers')}>
            {organisers.map((name, index) => (
              <li key={index} dir="auto">
                {name}
              </li>
            ))}
          </ul>
        )}
      </header>
      {preamble.text &&
        preamble.text.split(/\n\s*\n/).map((part, index) => (
          <p key={index} className="document-preamble" lang={preamble.lang} dir={directionOf(preamble.lang)}>
            {part}
          </p>
        ))}
      {Object.keys(doc.leadIn).length > 0 && <LocalText as="p" className="document-lead-in" text={doc.leadIn} {...text} />}
      {paragraphs.length === 0 && !composer && empty}
      <ol className="draft-paragraphs" aria-label={t('drafting.reader.paragraphs')}>
        {paragraphs.map((paragraph, index) => (
          <ParagraphSlot key={paragraph.id} composer={paragraph.id === composerAfter ? composer : null}>
            <DraftParagraphItem
              paragraph={paragraph}
              index={index}
              display={display}
              readingLang={readingLang}
              sourceLanguage={doc.sourceLanguage}
              targets={targets}
              selected={paragraph.id === selectedId}
              tabStop={!hasSelected && index === 0}
              onSelect={onSelect}
            />
          </ParagraphSlot>
        ))}
        {(composerAfter === undefined || !paragraphs.some((p) => p.id === composerAfter)) && composer}
      </ol>
      {closingLine.text && (
        <p className="document-closing" lang={closingLine.lang} dir={directionOf(closingLine.lang)}>
          {closingLine.text}
        </p>
      )}
    </article>
  );
}

function ParagraphSlot({ children, composer }: { children: ReactNode; composer: ReactNode }) {
  return (
    <>
      {children}
      {composer}
    </>
  );
}
