import nuaData from '../../../resources/catalogues/nua.json';
import sdgData from '../../../resources/catalogues/sdg.json';
import urlgpData from '../../../resources/catalogues/urlgp.json';
import { catalogue, type Catalogue } from '../../../shared/capture';
import { uiLanguages } from '../../../shared/languages';

let loaded: { catalogues: Catalogue[]; ids: ReadonlySet<string> } | undefined;

/**
 * Checks what the schema cannot: every title in all six languages, ids unique and prefixed with
 * their catalogue's, parents that exist. The data ships with the app, so a mistake is a build
 * error for the tests to catch, never something a user could cause.
 */
function check(list: Catalogue[]): ReadonlySet<string> {
  const ids = new Set<string>();
  const problems: string[] = [];
  for (const cat of list) {
    const titled = [{ id: cat.id, title: cat.title }, ...cat.items];
    for (const { id, title } of titled) {
      const missing = uiLanguages.filter((lang) => !title[lang]?.trim());
      if (missing.length > 0) problems.push(`${id} has no title in ${missing.join(', ')}`);
    }
    for (const item of cat.items) {
      if (!item.id.startsWith(`${cat.id}:`)) problems.push(`${item.id} is not in catalogue ${cat.id}`);
      if (ids.has(item.id)) problems.push(`${item.id} appears twice`);
      ids.add(item.id);
    }
    for (const item of cat.items) {
      if (item.parent !== null && !cat.items.some((other) => other.id === item.parent)) {
        problems.push(`${item.id} names a parent ${item.parent} that is not in ${cat.id}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`The shipped catalogues are inconsistent: ${problems.join('; ')}.`);
  return ids;
}

function load() {
  if (!loaded) {
    const catalogues = [sdgData, nuaData, urlgpData].map((data) => catalogue.parse(data));
    loaded = { catalogues, ids: check(catalogues) };
  }
  return loaded;
}

/** The SDGs, the New Urban Agenda and the URL-GP as shipped in resources/catalogues/. */
export function getCatalogues(): Catalogue[] {
  return load().catalogues;
}

/** A catalogue tag must name an item that exists; free themes (`theme:`) are anything. */
export function isKnownTag(tag: string): boolean {
  return tag.startsWith('theme:') || load().ids.has(tag);
}
