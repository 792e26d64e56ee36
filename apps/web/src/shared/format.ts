import type { Language } from '../i18n/i18n';

// Display formatting. Dates are always shown in Japan time whatever the viewer's clock says:
// a declaration signed at 00:30 JST belongs to that Japanese calendar day.
const TIME_ZONE = 'Asia/Tokyo';

function locale(language: Language): string {
  return language === 'ja' ? 'ja-JP' : 'en-GB';
}

/** An ISO date-time (e.g. `signedAt`) as a calendar date in JST: 2025年5月10日 / 10 May 2025. */
export function formatDateTimeAsDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
}

/** A calendar date `YYYY-MM-DD` (e.g. `joinedOn`), which has no time zone of its own. */
export function formatCalendarDate(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(date);
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locale(language)).format(value);
}
