import type { Catalogue } from '../../../../shared/capture';

export { newRowId as newNoteId } from '../newRowId';

export const themePrefix = 'theme:';

export interface TagOption {
  tag: string;
  /** What the chip says: "SDG 11.3", or the theme itself. */
  label: string;
  /** A catalogue item's short catalogue name and code, shown apart so "11.a" stays left to right in Arabic. */
  prefix?: string;
  code?: string;
  /** The item's short title in the UI language. */
  title: string;
  catalogue: Catalogue['id'] | 'theme';
}

export function localTitle(title: Record<string, string>, uiLanguage: string): string {
  return title[uiLanguage] || title.en || Object.values(title)[0] || '';
}

/** A catalogue item's tag: its id when it already names its catalogue ("sdg:11.3"), else prefixed. */
export function catalogueTag(catalogueId: string, itemId: string): string {
  return itemId.startsWith(`${catalogueId}:`) ? itemId : `${catalogueId}:${itemId}`;
}

/** Every catalogue item as a tag option, labelled with its catalogue's short name and its code. */
export function catalogueOptions(catalogues: readonly Catalogue[], uiLanguage: string, prefix: (id: Catalogue['id']) => string): TagOption[] {
  return catalogues.flatMap((catalogue) =>
    catalogue.items.map((item) => ({
      tag: catalogueTag(catalogue.id, item.id),
      label: `${prefix(catalogue.id)} ${item.code}`,
      prefix: prefix(catalogue.id),
      code: item.code,
      title: localTitle(item.title, uiLanguage),
      catalogue: catalogue.id,
    })),
  );
}

export function themeOption(theme: string): TagOption {
  return { tag: `${themePrefix}${theme}`, label: theme, title: '', catalogue: 'theme' };
}

/** A tag as shown on a note: the catalogue item's label, or the theme's own words. */
export function tagOption(tag: string, byTag: ReadonlyMap<string, TagOption>): TagOption {
  const known = byTag.get(tag);
  if (known) return known;
  if (tag.startsWith(themePrefix)) return themeOption(tag.slice(themePrefix.length));
  return { tag, label: tag, title: '', catalogue: 'theme' };
}

/** The first words of a note, for names and announcements. */
export function snippet(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}
