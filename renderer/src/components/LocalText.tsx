import { useTranslation } from 'react-i18next';
import { directionOf } from '../../../shared/languages';
import { pickText, type MultilingualText } from '../../../shared/multilingual';
import { languageName } from '../i18n/languageName';

interface Props {
  text: MultilingualText | undefined;
  lang: string;
  sourceLanguage: string;
  as?: 'span' | 'p' | 'h1' | 'h2' | 'h3' | 'div';
  className?: string;
}

/**
 * User content in the language asked for, carrying its own `lang` and `dir`; where that
 * translation is missing the source text shows instead, visibly marked.
 */
export function LocalText({ text, lang, sourceLanguage, as: Tag = 'span', className }: Props) {
  const { t, i18n } = useTranslation();
  const picked = pickText(text, lang, sourceLanguage);
  return (
    <Tag className={className}>
      <span lang={picked.lang} dir={directionOf(picked.lang)}>
        {picked.text}
      </span>
      {picked.fallback && (
        <span className="fallback-mark" title={t('content.fallbackHint')}>
          {' '}
          {t('content.untranslated', { language: languageName(picked.lang, i18n.language) })}
        </span>
      )}
    </Tag>
  );
}
