import type { Database } from 'better-sqlite3';
import { isCountryCode } from '../../../shared/countries';
import { countryName } from '../../../shared/countryNames';
import type { DelegationOption } from '../../../shared/decisions';
import { foldForMatching } from '../participants/foldForMatching';
import { recogniseCountry } from '../participants/recogniseCountry';

// A delegation is stored by a key every laptop reads alike: a country's ISO code ("KE"), printed
// in each reader's language, or an organisation's name as typed. The forum's delegations are the
// countries of its participants and the international organisations among them, plus any
// delegation a decision already names (a delegation whose participants were since erased stays).

/** A delegation's name in `lang`: a country by its printed name, an organisation as written. */
export function delegationName(key: string, lang: string): string {
  return isCountryCode(key) ? countryName(key, lang) : key;
}

/** The forum's delegations, sorted by their name in `lang`. */
export function forumDelegations(db: Database, forumId: string, lang: string): DelegationOption[] {
  const keys = new Set<string>();
  const countries = db
    .prepare("SELECT DISTINCT country FROM participants WHERE forum_id = ? AND deleted = 0 AND erased = 0 AND country IS NOT NULL AND country <> ''")
    .pluck()
    .all(forumId) as string[];
  for (const code of countries) if (isCountryCode(code)) keys.add(code);
  const organisations = db
    .prepare(
      "SELECT DISTINCT trim(organisation) FROM participants WHERE forum_id = ? AND deleted = 0 AND erased = 0 AND org_type = 'un_international' AND trim(coalesce(organisation, '')) <> ''",
    )
    .pluck()
    .all(forumId) as string[];
  for (const name of organisations) keys.add(name);
  const named = db
    .prepare(
      `SELECT delegation FROM decision_votes WHERE forum_id = ? AND deleted = 0
       UNION SELECT delegation FROM decision_statements WHERE forum_id = ? AND deleted = 0
       UNION SELECT delegation FROM silence_objections WHERE forum_id = ? AND deleted = 0`,
    )
    .pluck()
    .all(forumId, forumId, forumId) as Array<string | null>;
  for (const key of named) if (key) keys.add(key);
  const collator = new Intl.Collator([lang, 'en']);
  return [...keys].map((key) => ({ key, name: delegationName(key, lang) })).sort((a, b) => collator.compare(a.name, b.name) || a.key.localeCompare(b.key));
}

/**
 * The key a written delegation means among `known` (a country by any of its names or codes in
 * the six languages, an organisation by its name give or take case and accents), or undefined.
 */
export function matchDelegation(written: string, known: readonly DelegationOption[]): string | undefined {
  const value = written.trim();
  if (!value) return undefined;
  const keys = new Set(known.map((d) => d.key));
  if (keys.has(value)) return value;
  const country = recogniseCountry(value);
  if (country && keys.has(country)) return country;
  const folded = foldForMatching(value);
  return known.find((d) => !isCountryCode(d.key) && foldForMatching(d.key) === folded)?.key;
}

/** A delegation typed on the screen: a known one, or (free text) a new organisation kept as typed. */
export function delegationKey(written: string, known: readonly DelegationOption[]): string {
  return matchDelegation(written, known) ?? recogniseCountry(written) ?? written.trim().normalize('NFC').replace(/\s+/gu, ' ');
}
