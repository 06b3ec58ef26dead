import ar from '../../resources/locales/ar/companion.json';
import en from '../../resources/locales/en/companion.json';
import es from '../../resources/locales/es/companion.json';
import fr from '../../resources/locales/fr/companion.json';
import ru from '../../resources/locales/ru/companion.json';
import zh from '../../resources/locales/zh/companion.json';
import { directionOf, isUiLanguage, uiLanguages, type UiLanguage } from '../../shared/languages';

// The page's words: the companion's own locale file in each of the six languages, bundled (a few
// kilobytes), so a phone that switches language needs nothing more from the laptop.
const messages: Record<UiLanguage, unknown> = { ar, zh, en, fr, ru, es };

/** Each language named in itself, for the menu. */
export const autonyms: Record<UiLanguage, string> = { ar: 'العربية', zh: '中文', en: 'English', fr: 'Français', ru: 'Русский', es: 'Español' };

const storageKey = 'plenary.companion.language';

function lookup(tree: unknown, key: string): string | undefined {
  let node = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

let current: UiLanguage = 'en';

export const language = (): UiLanguage => current;

/** A message in the page's language (English where it lacks one), placeholders filled in. */
export function t(key: string, values: Record<string, string | number> = {}): string {
  const text = lookup(messages[current], key) ?? lookup(messages.en, key) ?? key;
  return text.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ''));
}

/** The phone's own choice first, then the languages it asks for (what Accept-Language says), else English. */
export function initialLanguage(): UiLanguage {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Private browsing may refuse storage: the browser's languages decide.
  }
  for (const tag of [stored ?? '', ...navigator.languages]) {
    const primary = tag.toLowerCase().split('-')[0] ?? '';
    if (isUiLanguage(primary)) return primary;
  }
  return 'en';
}

export function setLanguage(lang: UiLanguage, remember: boolean): void {
  current = lang;
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  if (remember) {
    try {
      localStorage.setItem(storageKey, lang);
    } catch {
      // Not remembered: chosen again next time.
    }
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) element.textContent = t(element.dataset.t ?? '');
  document.getElementById('sections')?.setAttribute('aria-label', t('companion.page.sections'));
}

export { uiLanguages, directionOf };

/** A language's name in the page's language ("Spanish", "espagnol"). */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([current], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
