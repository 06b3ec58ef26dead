import { countryName, isoCountries as countries } from '../../../shared/countryNames';
import { countryCodes } from '../../../shared/countries';
import { uiLanguages } from '../../../shared/languages';
import { foldForMatching } from './foldForMatching';

let index: Map<string, string> | undefined;

/**
 * Every way a spreadsheet may name a country, folded: alpha-2 and alpha-3 codes, and the names
 * and aliases in the six UN languages from i18n-iso-countries and from ICU (Intl.DisplayNames),
 * which disagree often enough ("Türkiye", "Turkey") that both are worth knowing.
 */
function nameIndex(): Map<string, string> {
  if (index) return index;
  const map = new Map<string, string>();
  const add = (name: string | undefined, code: string) => {
    const key = name ? foldForMatching(name) : '';
    if (key && !map.has(key)) map.set(key, code);
  };
  for (const code of countryCodes) {
    add(code, code);
    add(countries.alpha2ToAlpha3(code), code);
  }
  for (const lang of uiLanguages) {
    const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
    for (const code of countryCodes) {
      // The name Plenary itself prints comes first, so its own exports read back.
      add(countryName(code, lang), code);
      add(display.of(code), code);
      for (const name of countries.getName(code, lang, { select: 'all' }) ?? []) add(name, code);
    }
  }
  index = map;
  return map;
}

/** The ISO 3166-1 alpha-2 code a cell means, or undefined when it names no country we know. */
export function recogniseCountry(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return nameIndex().get(foldForMatching(trimmed));
}
