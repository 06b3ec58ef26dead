import { useTranslation } from 'react-i18next';
import { uiLanguages, type UiLanguage } from '../../../shared/languages';
import { languageName } from '../i18n/languageName';

/** Each language named in itself, so a person who cannot read the current UI still finds theirs. */
export function LanguageSwitcher({ onChange }: { onChange(lang: UiLanguage): void }) {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span>{t('app.interfaceLanguage')}</span>
      <select value={i18n.language} onChange={(event) => onChange(event.target.value as UiLanguage)}>
        {uiLanguages.map((lang) => (
          <option key={lang} value={lang} lang={lang}>
            {languageName(lang, lang)}
          </option>
        ))}
      </select>
    </label>
  );
}
