import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { pickText } from '../../../../shared/multilingual';
import type { DraftParagraph, OutcomeDocument } from '../../../../shared/outcome';
import { textAfterLabel } from '../../../../shared/leadingOrdinal';
import { parseRichText } from '../../../../shared/richText';
import { needsBlocks, RichBlocks, RichInlineText } from '../drafting/RichTextView';
import { displayedLabel, displayedText } from '../drafting/paragraphDisplay';
import { StatusCounts } from '../StatusCounts';
import { useApiQuery } from '../../hooks/useApiQuery';
import { useShrinkToFit } from '../../hooks/useShrinkToFit';
import { formatNumber } from '../../i18n/intlFormat';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../ErrorMessage';
import { LocalText } from '../LocalText';
import { amendmentDiff } from './amendedText';
import { WordDiffView } from './WordDiffView';

interface Props {
  document: OutcomeDocument;
  paragraph: DraftParagraph;
  /** The section heading the paragraph stands under, if any. */
  heading: DraftParagraph | undefined;
  /** Its alternatives under negotiation (5 bis, 5 ter), shown beside it. */
  alternatives: readonly DraftParagraph[];
  lang: string;
  /** The paragraph asked for is gone: the first one shows instead, and says so. */
  missing: boolean;
  /** Changes with each refresh of the projector, so the amendments are read again. */
  tick: number;
}

/** The paragraph as the room reads it, its label in the language shown, and each open amendment as a diff. */
export function ProjectedParagraph({ document, paragraph, heading, alternatives, lang, missing, tick }: Props) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language;
  const amendments = useApiQuery('amendments:list', { paragraphId: paragraph.id });
  const { reload } = amendments;
  const firstTick = useRef(tick);
  useEffect(() => {
    if (tick !== firstTick.current) reload();
  }, [tick, reload]);

  const picked = pickText(paragraph.text, lang, document.sourceLanguage);
  const label = displayedLabel(document, paragraph, picked.lang);
  const shownText = displayedText(document, paragraph, textAfterLabel(picked.text, label, document.numbering, picked.lang), picked.lang, t);
  const numbered = document.paragraphs.filter((p) => p.number !== null).length;
  const open = (amendments.data ?? []).filter((a) => a.status === 'open');
  const numbers = new Map((amendments.data ?? []).map((a, index) => [a.id, index + 1]));
  const source = document.sourceLanguage;
  // A long paragraph and its amendments fit the wall above the controls: the type shrinks instead.
  const main = useRef<HTMLElement>(null);
  useShrinkToFit(main, [paragraph.id, lang, missing, amendments.data ? 'read' : 'reading', ...open.map((a) => a.id)].join(' '));

  return (
    <>
      <header className="projector-header">
        <LocalText as="p" className="draft-projector-document" text={document.title} lang={lang} sourceLanguage={source} />
        <h1>
          {paragraph.number === null
            ? t('amendments.projector.unnumbered')
            : t('amendments.projector.point', { number: formatNumber(paragraph.number, ui), total: formatNumber(numbered, ui) })}
          <span className={`status-badge paragraph-status status-${paragraph.status}`}>{t(`paragraphStatus.${paragraph.status}`)}</span>
        </h1>
        <StatusCounts counts={document.counts} className="projector-counts" />
      </header>
      <main className={`projector-main draft-projector-main${open.length > 0 ? ' has-amendments' : ''}`} ref={main}>
        {missing && (
          <p className="projector-status" role="status">
            {t('amendments.projector.missing')}
          </p>
        )}
        {heading && <LocalText as="h2" className="draft-projector-section" text={heading.text} lang={lang} sourceLanguage={source} />}
        {alternatives.length > 0 ? (
          <div className="alternative-columns">
            {[paragraph, ...alternatives].map((p) => {
              const own = pickText(p.text, lang, source);
              const ownLabel = displayedLabel(document, p, own.lang);
              return (
                <article key={p.id} className={`projected-alternative status-${p.status}`} lang={own.lang} dir={directionOf(own.lang)}>
                  <p className="draft-projector-text">
                    {ownLabel && <span className="paragraph-label">{ownLabel}</span>}
                    <RichInlineText text={displayedText(document, p, textAfterLabel(own.text, ownLabel, document.numbering, own.lang), own.lang, t)} />
                  </p>
                  {p.proposers.length > 0 && (
                    <p className="proposers">{t('drafting.alternative.proposedBy', { names: p.proposers.join(t('drafting.alternative.separator')) })}</p>
                  )}
                </article>
              );
            })}
          </div>
        ) : needsBlocks(parseRichText(shownText)) ? (
          <div className={`draft-projector-text rich-text status-${paragraph.status}`} lang={picked.lang} dir={directionOf(picked.lang)}>
            <RichBlocks rich={parseRichText(shownText)} lead={label && <span className="paragraph-label">{label}</span>} />
          </div>
        ) : (
          <p className={`draft-projector-text status-${paragraph.status}`} lang={picked.lang} dir={directionOf(picked.lang)}>
            {label && <span className="paragraph-label">{label}</span>}
            <RichInlineText text={shownText} />
          </p>
        )}
        {picked.fallback && <p className="fallback-mark">{t('content.untranslated', { language: languageName(picked.lang, ui) })}</p>}
        {amendments.error && <ErrorMessage error={amendments.error} />}
        {open.length > 0 && (
          <section className="draft-projector-amendments" aria-labelledby="projector-amendments">
            <h2 id="projector-amendments">{t('amendments.projector.openAmendments', { number: formatNumber(open.length, ui) })}</h2>
            <div className="amendment-columns">
              {open.map((amendment) => (
                <article key={amendment.id} className="projector-amendment" aria-labelledby={`projector-amendment-${amendment.id}`}>
                  <p className="projector-when" id={`projector-amendment-${amendment.id}`}>
                    {t('amendments.card.title', {
                      number: numbers.get(amendment.id) ?? 0,
                      kind: t(`amendments.kind.${amendment.kind}`),
                      proposer: amendment.proposer.name || t('amendments.card.unknownProposer'),
                    })}
                    {amendment.lang !== picked.lang && <span> {t('amendments.card.inLanguage', { language: languageName(amendment.lang, ui) })}</span>}
                  </p>
                  <WordDiffView
                    {...amendmentDiff(amendment, paragraph.text[amendment.lang] ?? amendment.baseText)}
                    lang={amendment.lang}
                    label={t('amendments.card.diff')}
                    className="projector-diff"
                  />
                </article>
              ))}
            </div>
          </section>
        )}
      </main>
    </>
  );
}
