import { useTranslation } from 'react-i18next';
import { languageName } from '../i18n/languageName';

interface LanguageSelectProps {
  label: string;
  /** The forum's languages, in its order. */
  languages: readonly string[];
  value: string;
  onChange: (code: string) => void;
  keyShortcut?: string;
}

/** A labelled choice among a forum's languages, each named in the interface's language. */
export function LanguageSelect({ label, languages, value, onChange, keyShortcut }: LanguageSelectProps) {
  const { i18n } = useTranslation();
  return (
    <label className="inline-field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} {...(keyShortcut ? { 'aria-keyshortcuts': keyShortcut } : {})}>
        {languages.map((code) => (
          <option key={code} value={code}>
            {languageName(code, i18n.language)}
          </option>
        ))}
      </select>
    </label>
  );
}
