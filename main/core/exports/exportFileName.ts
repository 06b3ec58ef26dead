/** ASCII letters and digits joined by dashes: safe on every file system and in a download header. */
export function asciiSlug(text: string, max = 48): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/**
 * The first of the titles that gives an ASCII slug with a word in it (a Chinese title gives at most
 * its year), else the fallback.
 */
export function slugOf(titles: ReadonlyArray<string | undefined>, fallback: string): string {
  for (const title of titles) {
    const slug = asciiSlug(title ?? '');
    if (/[a-z]/.test(slug)) return slug;
  }
  return fallback;
}

/** `<slug>-<lang(s)>-<variant>.<ext>`, with the parts that apply; language tags keep their case. */
export function exportFileName(slug: string, parts: ReadonlyArray<string>, ext: string): string {
  const safe = parts.map((part) => part.replace(/[^A-Za-z0-9-]+/g, '-')).filter(Boolean);
  return `${[slug, ...safe].join('-')}.${ext}`;
}
