import { languageTagPattern } from '../../../shared/languages';
import type { CliOption } from './cliCommands';
import { UsageError } from './usageError';

export const dbOption: CliOption = { name: 'db', type: 'string', description: "database file (default: the app's, or $PLENARY_DB)" };
export const jsonOption: CliOption = { name: 'json', type: 'boolean', description: 'print JSON instead of text' };
export const forumOption: CliOption = {
  name: 'forum',
  type: 'string',
  description: 'the forum id (see `forums list`); may be left out when there is only one',
};

/** Files the CLI creates (exports, bundles) hold people's personal data: the owner's alone. */
export const privateFileMode = 0o600;

/** A well-formed tag that Intl also accepts (it refuses some the pattern lets through). */
export function isLanguageTag(value: string): boolean {
  if (!languageTagPattern.test(value)) return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** --lang, when given, must at least look like a language; whether the forum works in it is checked later. */
export function checkLangOption(values: Record<string, string | boolean | undefined>): void {
  if (values.lang !== undefined && !isLanguageTag(String(values.lang))) {
    throw new UsageError(`--lang must be a language code such as en, zh or es, not "${String(values.lang)}".`);
  }
}
