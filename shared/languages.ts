// The six official UN languages are the UI languages; forums may work in any BCP 47 language,
// but the UI offers these first because UN meetings run in them.
export const uiLanguages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'yi', 'dv', 'ku', 'sd', 'ug']);

export function isUiLanguage(value: string): value is UiLanguage {
  return (uiLanguages as readonly string[]).includes(value);
}

/** Direction of a language tag's script, used for user content and for the whole UI. */
export function directionOf(lang: string): 'rtl' | 'ltr' {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  return rtlLanguages.has(primary) ? 'rtl' : 'ltr';
}

/** Language tags accepted for content: a primary subtag and optional region/script subtags. */
export const languageTagPattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
