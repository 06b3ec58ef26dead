import { formatDay } from '../../i18n/intlFormat';
import { languageName } from '../../i18n/languageName';

// Building an Intl formatter costs far more than using one; a long agenda asks for the same
// few day and language names hundreds of times, so each answer is kept.
const days = new Map<string, string>();
const languages = new Map<string, string>();
const lists = new Map<string, Intl.ListFormat>();

export function dayLabel(day: string, uiLanguage: string): string {
  const key = `${uiLanguage}|${day}`;
  let label = days.get(key);
  if (label === undefined) {
    label = formatDay(day, uiLanguage);
    days.set(key, label);
  }
  return label;
}

export function languageLabel(code: string, uiLanguage: string): string {
  const key = `${uiLanguage}|${code}`;
  let label = languages.get(key);
  if (label === undefined) {
    label = languageName(code, uiLanguage);
    languages.set(key, label);
  }
  return label;
}

export function joinList(items: string[], uiLanguage: string): string {
  let format = lists.get(uiLanguage);
  if (!format) {
    try {
      format = new Intl.ListFormat(uiLanguage, { type: 'conjunction' });
    } catch {
      format = new Intl.ListFormat('en', { type: 'conjunction' });
    }
    lists.set(uiLanguage, format);
  }
  return format.format(items);
}
