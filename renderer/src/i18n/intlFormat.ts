/** A forum's date range in the UI language, e.g. "23–25 Nov 2026" or "2026年11月23日至25日". */
export function formatDateRange(start: string, end: string, lang: string): string {
  const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
  if (!start) return '';
  // Dates are calendar days at the venue, not instants: format them in UTC so no zone shifts them.
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  try {
    return end && end !== start ? format.formatRange(toDate(start), toDate(end)) : format.format(toDate(start));
  } catch {
    return `${start} – ${end}`;
  }
}

export function formatDay(day: string, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${day}T00:00:00Z`),
    );
  } catch {
    return day;
  }
}

export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}

const listFormats = new Map<string, Intl.ListFormat>();

/** Items listed as the language lists them: "English, French and Spanish", "الإنجليزية والفرنسية والإسبانية", "英语、法语和西班牙语". */
export function formatList(items: readonly string[], lang: string): string {
  let format = listFormats.get(lang);
  if (!format) {
    format = new Intl.ListFormat(lang, { type: 'conjunction', style: 'long' });
    listFormats.set(lang, format);
  }
  return format.format(items);
}

/**
 * A span of time in the largest unit that says it well ("3 days", "5 hours", "40 minutes"),
 * worded and pluralised by Intl in the UI language, so no translation needs plural forms for it.
 */
export function formatDuration(ms: number, lang: string): string {
  const [unit, size] = ms >= 2 * 86_400_000 ? (['day', 86_400_000] as const) : ms >= 2 * 3_600_000 ? (['hour', 3_600_000] as const) : (['minute', 60_000] as const);
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.round(ms / size));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, options);
    } catch {
      // A zone this runtime does not know: the venue's minute cannot be told, UTC is at least stable.
      format = new Intl.DateTimeFormat(lang, { ...options, timeZone: 'UTC' });
    }
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** Minutes a zone is ahead of UTC at an instant ("Asia/Shanghai" → 480); 0 for a zone the runtime does not know. */
export function zoneOffsetMinutes(timeZone: string, date: Date): number {
  const name = dateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(date)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d\d):?(\d\d)?/.exec(name ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

/** This laptop's own time zone, as the runtime sees it. */
export function laptopTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export interface TimeOptions {
  /** The day too ("23 Nov, 11:24"), for lists that span the forum's days. */
  withDate?: boolean;
  /** The zone the reader's laptop keeps; the runtime's unless given (tests). */
  laptopZone?: string;
}

/**
 * The one rule for a moment shown anywhere in the app: on the forum's clock (the venue's zone, not
 * the laptop's: a rapporteur who flew in still reads the room's time), in the UI language's own
 * 12- or 24-hour convention (Intl decides: "11:24 AM" in English, "11:24" in Russian or Chinese),
 * and with the zone named whenever this laptop's clock reads otherwise at that moment, so a
 * minute never silently means two things. An instant carries Z or an offset; a bare
 * "YYYY-MM-DDTHH:MM" is already the venue's wall clock. Unreadable text is shown as it is.
 */
export function formatTime(moment: string | Date, lang: string, timeZone: string, options: TimeOptions = {}): string {
  const date = typeof moment === 'string' ? instantOf(moment, timeZone) : moment;
  if (Number.isNaN(date.getTime())) return String(moment);
  const laptop = options.laptopZone ?? laptopTimeZone();
  const labelled = laptop !== timeZone && zoneOffsetMinutes(laptop, date) !== zoneOffsetMinutes(timeZone, date);
  const format = dateTimeFormat(lang, {
    ...(options.withDate ? { day: 'numeric', month: 'short' } : {}),
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    ...(labelled ? { timeZoneName: 'short' } : {}),
  });
  return format.format(date);
}

/** The instant a text names: with Z or an offset as written, a bare "YYYY-MM-DDTHH:MM" on the venue's wall clock. */
export function instantOf(text: string, timeZone: string): Date {
  if (/(Z|[+-]\d\d:?\d\d)$/.test(text)) return new Date(text);
  // The venue's wall clock: the instant is that reading less the zone's offset at about that time.
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(text)) return new Date(Number.NaN);
  const asUtc = new Date(`${text.slice(0, 16)}:00Z`);
  return new Date(asUtc.getTime() - zoneOffsetMinutes(timeZone, asUtc) * 60_000);
}

const clockPattern = /^([01]\d|2[0-3]):[0-5]\d$/;
const clockDate = (hhmm: string) => new Date(`1970-01-01T${hhmm}:00Z`);
const clockOptions: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' };

/**
 * A time of day on the venue's wall clock as the agenda keeps it ("16:00"), in the UI language's
 * own convention ("4:00 PM" in English): the same rule as `formatTime`, for times that are
 * already the forum's. Anything else is shown as written.
 */
export function formatClock(hhmm: string, lang: string): string {
  return clockPattern.test(hhmm) ? dateTimeFormat(lang, clockOptions).format(clockDate(hhmm)) : hhmm;
}

/** A session's span ("4:00 – 5:30 PM", "16:00–17:30"), written as the language writes ranges. */
export function formatClockRange(start: string, end: string, lang: string): string {
  if (!clockPattern.test(start) || !clockPattern.test(end) || end < start) return `${formatClock(start, lang)}–${formatClock(end, lang)}`;
  return dateTimeFormat(lang, clockOptions).formatRange(clockDate(start), clockDate(end));
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** How long ago something happened, in the UI language: "2 sec. ago", "قبل ثانيتين", "5分钟前". */
export function formatAge(ms: number, lang: string): string {
  let format = relativeFormats.get(lang);
  if (!format) {
    format = new Intl.RelativeTimeFormat(lang, { numeric: 'always', style: 'short' });
    relativeFormats.set(lang, format);
  }
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return format.format(-seconds, 'second');
  if (seconds < 3600) return format.format(-Math.floor(seconds / 60), 'minute');
  if (seconds < 86_400) return format.format(-Math.floor(seconds / 3600), 'hour');
  return format.format(-Math.floor(seconds / 86_400), 'day');
}
