// The plain entry with the six UN languages registered here: the library's Node entry would
// register all of its ~80 languages (half a megabyte parsed at every start).
import countries from 'i18n-iso-countries/index';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import es from 'i18n-iso-countries/langs/es.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import ru from 'i18n-iso-countries/langs/ru.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { unShortName } from './unCountryNames';

for (const locale of [ar, en, es, fr, ru, zh]) countries.registerLocale(locale);

export const isoCountries = countries;

const primary = (lang: string): string => lang.split(/[-_]/)[0]?.toLowerCase() ?? '';

/**
 * A country's one printed name, the same on every screen and in every export and statistic: the
 * UN short name where UN usage differs from the common one ("Republic of Korea", "United States
 * of America"), else the name from static data (never the runtime's ICU, which differs between
 * Node and the browser), in `lang` (the six UN languages), else English, else the code.
 */
export function countryName(code: string, lang: string): string {
  if (!code) return '';
  const l = primary(lang);
  return unShortName(code, l) ?? countries.getName(code, l) ?? unShortName(code, 'en') ?? countries.getName(code, 'en') ?? code;
}
