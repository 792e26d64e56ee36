import { formatDateJst } from '@yokoten/case-studies';
import type { Language } from '../i18n/i18n';

// Display formatting. Dates are always the calendar day in Japan (the shared library's JST helpers),
// whatever the viewer's clock says: a declaration signed at 00:30 JST belongs to that Japanese day.

/** An ISO date-time from the API (e.g. `signedAt`) as a JST calendar date: 2025年5月10日 / 10 May 2025. */
export function formatDateTimeAsDate(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateJst(date, language);
}

/** A calendar date `YYYY-MM-DD` (e.g. `joinedOn`), which has no time zone of its own. */
export function formatCalendarDate(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  // Midnight UTC is 09:00 the same day in Japan, so the JST formatter shows the date as written.
  return formatDateJst(
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))),
    language,
  );
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}
