import { directionOf } from '../../../../shared/languages';
import { pickText, type MultilingualText } from '../../../../shared/multilingual';

interface Props {
  text: MultilingualText | undefined;
  lang: string;
  sourceLanguage: string;
  /** What to say when the source text stands in for a missing translation; given the shown language. */
  fallbackLabel(shownLanguage: string): string;
  className?: string;
}

/**
 * User content in the chosen language with its own `lang` and `dir`; a missing translation shows
 * the source text, marked. Hook-free so that hundreds of sessions stay cheap to render.
 */
export function AgendaText({ text, lang, sourceLanguage, fallbackLabel, className }: Props) {
  const picked = pickText(text, lang, sourceLanguage);
  if (!picked.text) return null;
  return (
    <span className={className}>
      <span lang={picked.lang} dir={directionOf(picked.lang)}>
        {picked.text}
      </span>
      {picked.fallback && (
        <>
          {' '}
          <span className="untranslated-badge">{fallbackLabel(picked.lang)}</span>
        </>
      )}
    </span>
  );
}
