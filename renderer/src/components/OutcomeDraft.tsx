import { useTranslation } from 'react-i18next';
import type { ForumOverview, OutcomeKind } from '../../../shared/forum';
import { LocalText } from './LocalText';
import { ProseVersions } from './ProseVersions';

interface Props {
  paragraphs: ForumOverview['paragraphs'];
  outcomeKind: OutcomeKind;
  lang: string;
  sourceLanguage: string;
  onChanged(): void;
}

/**
 * The outcome document as it stands, each paragraph with its negotiation status. A Consensus
 * numbers its points with ordinal words in the text itself ("First, ..."), so no list numbers.
 */
export function OutcomeDraft({ paragraphs, outcomeKind, lang, sourceLanguage, onChanged }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{t('forum.outcome', { kind: t(`outcomeKind.${outcomeKind}`) })}</h2>
      {paragraphs.length === 0 && <p className="empty-state">{t('forum.noParagraphs')}</p>}
      <ol className={outcomeKind === 'consensus' ? 'outcome ordinal-words' : 'outcome'}>
        {paragraphs.map((p) => (
          <li key={p.id} className={`status-${p.status}`}>
            <span className="status-badge">{t(`paragraphStatus.${p.status}`)}</span>
            <LocalText as="p" text={p.text} lang={lang} sourceLanguage={sourceLanguage} />
            {p.text[lang] && p.alternatives[lang] && (
              <ProseVersions paragraphId={p.id} lang={lang} shown={p.text[lang] ?? ''} others={p.alternatives[lang] ?? []} onSettled={onChanged} />
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
