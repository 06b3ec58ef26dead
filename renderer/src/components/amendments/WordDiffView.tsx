import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../../shared/languages';
import { wordDiff } from '../../../../shared/wordDiff';

interface Props {
  before: string;
  after: string;
  /** The language both texts are in: it decides how words are found and how they read. */
  lang: string;
  /** Names the comparison for screen readers ("Amendment against the current text"). */
  label?: string;
  className?: string;
}

/**
 * Two versions of a text as one, word by word: removed words struck through in <del>, added ones
 * underlined in <ins>. Each change also says in words what it is, for screen readers (which do not
 * announce <ins>/<del>) and so that nothing rests on colour.
 */
export function WordDiffView({ before, after, lang, label, className }: Props) {
  const { t, i18n } = useTranslation();
  const ui = { lang: i18n.language, className: 'diff-mark' };
  const parts = useMemo(() => wordDiff(before, after, lang), [before, after, lang]);
  const changed = parts.some((part) => part.kind !== 'equal');
  return (
    <div className={`word-diff${className ? ` ${className}` : ''}`} role="group" aria-label={label}>
      <p lang={lang} dir={directionOf(lang)}>
        {parts.map((part, index) =>
          part.kind === 'equal' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'insert' ? (
            <ins key={index}>
              <span {...ui}>{t('amendments.diff.insertStart')}</span>
              {part.text}
              <span {...ui}>{t('amendments.diff.insertEnd')}</span>
            </ins>
          ) : (
            <del key={index}>
              <span {...ui}>{t('amendments.diff.deleteStart')}</span>
              {part.text}
              <span {...ui}>{t('amendments.diff.deleteEnd')}</span>
            </del>
          ),
        )}
      </p>
      {!changed && <p className="hint">{t('amendments.diff.noChange')}</p>}
    </div>
  );
}
