// The one place calendar days are written out for people: every export (outcome, agenda,
// participant list, participation figures) and the CLI's `agenda show` and `outcome show` call
// these, so one date reads the same in every file and on every screen of text. UN English is
// British English ("23 November 2026", never "November 23, 2026"), whatever the machine's default.

/** The Intl locale a document language's dates are written in. */
export function dateLocale(lang: string): string {
  const primary = lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return primary === 'en' ? 'en-GB' : lang;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(lang: string, style: 'full' | 'long'): Intl.DateTimeFormat {
  const key = `${lang}|${style}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      style === 'full'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
        : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
    try {
      format = new Intl.DateTimeFormat([dateLocale(lang), 'en-GB'], options);
    } catch {
      format = new Intl.DateTimeFormat('en-GB', options);
    }
    formats.set(key, format);
  }
  return format;
}

// Dates are calendar days, not instants: formatting noon UTC in UTC never shifts the day.
const toDate = (iso: string) => new Date(`${iso}T12:00:00Z`);
const isDay = (iso: string) => /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(toDate(iso).getTime());

/** "23 November 2026" in `lang`; '' for no day, the text itself for something that is not a day. */
export function formatDate(day: string, lang: string): string {
  if (!day) return '';
  return isDay(day) ? dateFormat(lang, 'long').format(toDate(day)) : day;
}

/** "Monday, 23 November 2026" in `lang`: a day of the agenda as a heading. */
export function formatDay(day: string, lang: string): string {
  if (!day) return '';
  return isDay(day) ? dateFormat(lang, 'full').format(toDate(day)) : day;
}

/** "23–25 November 2026" in `lang`; one date when `end` is empty or the same. */
export function formatDates(start: string, end: string, lang: string): string {
  if (!start) return formatDate(end, lang);
  const single = !end || end === start;
  if (single) return formatDate(start, lang);
  if (!isDay(start) || !isDay(end)) return `${start} – ${end}`;
  const format = dateFormat(lang, 'long');
  // en-GB spaces the dash between two days of one month ("23 – 25 November"); UN documents
  // write "23–25 November 2026", as the other five languages' patterns already do.
  const range = format.formatRange(toDate(start), toDate(end)).replace(/(\d)[\s\u2009\u202f]*–[\s\u2009\u202f]*(\d)/u, '$1–$2');
  // Some locales' range patterns drop the words of the long form (Chinese gives "2026/11/23 – 2026/11/25"):
  // then both dates are written out in full.
  const words = format.formatToParts(toDate(start)).filter((part) => part.type === 'literal' && /\p{L}/u.test(part.value));
  if (words.every((part) => range.includes(part.value.trim()))) return range;
  return `${format.format(toDate(start))}${lang.startsWith('zh') ? '至' : ' – '}${format.format(toDate(end))}`;
}
