// The plain entry: the Node one would register every language the library knows.
import countries from 'i18n-iso-countries/index';

/** The 249 assigned ISO 3166-1 alpha-2 codes (plus XK, which UN lists use for Kosovo). */
export const countryCodes: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const known = new Set(countryCodes);

export function isCountryCode(code: string): boolean {
  return known.has(code);
}
