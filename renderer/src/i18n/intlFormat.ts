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

/**
 * A span of time in the largest unit that says it well ("3 days", "5 hours", "40 minutes"),
 * worded and pluralised by Intl in the UI language, so no translation needs plural forms for it.
 */
export function formatDuration(ms: number, lang: string): string {
  const [unit, size] = ms >= 2 * 86_400_000 ? (['day', 86_400_000] as const) : ms >= 2 * 3_600_000 ? (['hour', 3_600_000] as const) : (['minute', 60_000] as const);
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(Math.round(ms / size));
}
