const dateLocale = (lang: string): string => (lang === 'en' ? 'en-GB' : lang);

/** "23–25 November 2026" in `lang`; one date when `end` is empty or the same. */
export function formatDates(start: string, end: string, lang: string): string {
  const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
  if (!start) return '';
  const single = !end || end === start;
  try {
    const format = new Intl.DateTimeFormat([dateLocale(lang), 'en-GB'], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    if (single) return format.format(toDate(start));
    const range = format.formatRange(toDate(start), toDate(end));
    // Some locales' range patterns drop the words of the long form (Chinese gives "2026/11/23 – 2026/11/25"):
    // then both dates are written out in full.
    const words = format.formatToParts(toDate(start)).filter((part) => part.type === 'literal' && /\p{L}/u.test(part.value));
    if (words.every((part) => range.includes(part.value.trim()))) return range;
    return `${format.format(toDate(start))}${lang.startsWith('zh') ? '至' : ' – '}${format.format(toDate(end))}`;
  } catch {
    return single ? start : `${start} – ${end}`;
  }
}
