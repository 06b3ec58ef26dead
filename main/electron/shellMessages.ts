import ar from '../../resources/locales/ar/app.json';
import en from '../../resources/locales/en/app.json';
import es from '../../resources/locales/es/app.json';
import fr from '../../resources/locales/fr/app.json';
import ru from '../../resources/locales/ru/app.json';
import zh from '../../resources/locales/zh/app.json';
import { isUiLanguage } from '../../shared/languages';
import type { ErrorCode } from '../../shared/result';
import { CoreError } from '../core/errors';

const locales = { ar, en, es, fr, ru, zh };

/**
 * The shell speaks before the renderer exists (a database it cannot open, a window that fails):
 * its dialogs use the same locale files, in the system's language, with the technical detail
 * after the explanation.
 */
export function shellMessage(
  systemLocale: string,
  title: keyof typeof en.shell,
  error: unknown,
): { title: string; content: string } {
  const primary = systemLocale.toLowerCase().split('-')[0] ?? 'en';
  const messages = locales[isUiLanguage(primary) ? primary : 'en'];
  const code: ErrorCode = error instanceof CoreError ? error.code : 'internal';
  const detail = error instanceof Error ? error.message : String(error);
  return { title: messages.shell[title], content: `${messages.errors[code]}\n\n${detail}` };
}
