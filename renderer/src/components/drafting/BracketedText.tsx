import { useTranslation } from 'react-i18next';
import { bracketRuns } from './bracketText';

/** A paragraph's text with its [disputed words] marked, in a way that does not rest on colour alone. */
export function BracketedText({ text }: { text: string }) {
  const { t } = useTranslation();
  if (!text.includes('[')) return <>{text}</>;
  return (
    <>
      {bracketRuns(text).map((run, index) =>
        run.bracketed ? (
          <mark key={index} className="bracketed-text" title={t('drafting.paragraph.bracketedHint')}>
            {run.text}
          </mark>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}
