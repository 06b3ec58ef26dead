import { formatTime, laptopTimeZone } from '../../i18n/intlFormat';

/**
 * A moment from the clock ("23 Nov, 11:24 AM") by the app's one rule for times (forum time, the
 * zone named where this laptop's differs); on this laptop's clock until the forum's zone is read.
 */
export function formatMoment(iso: string, uiLanguage: string, timeZone: string | undefined): string {
  return formatTime(iso, uiLanguage, timeZone ?? laptopTimeZone(), { withDate: true });
}
