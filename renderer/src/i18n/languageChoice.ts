import { isUiLanguage, type UiLanguage } from '../../../shared/languages';

const languageKey = 'plenary.language';

/**
 * The interface language is a person's choice on their own screen, kept by the browser (or the
 * desktop app's window), never by the server: a tablet switching to French must not switch the
 * laptop that serves it, nor the other tablets. The desktop app also keeps it in its database
 * (one laptop, one person), which only it reads.
 */
export function storedLanguage(storage: Storage | undefined): UiLanguage | undefined {
  try {
    const value = storage?.getItem(languageKey);
    return value && isUiLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** False when the browser would not keep it (storage disabled or full): the choice holds until the page closes. */
export function storeLanguage(storage: Storage | undefined, lang: UiLanguage): boolean {
  try {
    if (!storage) return false;
    storage.setItem(languageKey, lang);
    return true;
  } catch {
    return false;
  }
}
