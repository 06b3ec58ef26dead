import { formatTime, laptopTimeZone } from '../../i18n/intlFormat';
import { countryCodes } from '../../../../shared/countries';
import { countryName as sharedCountryName } from '../../../../shared/countryNames';

// Intl objects are costly to build and the list formats thousands of cells while scrolling:
// one of each per language (and time zone) is kept.
const countryLists = new Map<string, readonly CountryOption[]>();
const listFormats = new Map<string, Intl.ListFormat>();

export interface CountryOption {
  code: string;
  name: string;
}

/** A country's one printed name (the UN short name where UN usage differs), as every export prints it. */
export function countryName(code: string, lang: string): string {
  return sharedCountryName(code, lang);
}

/**
 * i18next options naming a person's gender as the context of a role label, so a language with
 * gendered role names says "Relatora" for a woman; the plain label otherwise.
 */
export function genderContext(gender: string | null | undefined): { context?: string } {
  return gender ? { context: gender } : {};
}

/** Every assigned country, named and sorted in the UI language. */
export function countryOptions(lang: string): readonly CountryOption[] {
  const cached = countryLists.get(lang);
  if (cached) return cached;
  const collator = new Intl.Collator(lang);
  const list = countryCodes
    .map((code) => ({ code, name: countryName(code, lang) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  countryLists.set(lang, list);
  return list;
}

/**
 * An arrival time in the forum's time zone (the door laptop may still keep its owner's home zone);
 * `withDay` adds the date, for lists that span the whole forum.
 */
export function formatArrival(iso: string, lang: string, timeZone: string | undefined, withDay = false): string {
  // The app's one rule for a moment (the zone named when this laptop's clock reads otherwise).
  return formatTime(iso, lang, timeZone ?? laptopTimeZone(), { withDate: withDay });
}

/** Items joined the way the UI language lists them ("Chair, Speaker"; "رئيس الجلسة، متحدث"). */
export function formatList(items: readonly string[], lang: string): string {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { style: 'short', type: 'unit' });
    listFormats.set(lang, format);
  }
  return format.format(items);
}
