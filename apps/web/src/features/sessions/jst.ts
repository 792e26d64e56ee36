import {
  formatClockJst,
  formatDateJst,
  formatDateTimeJst,
  formatIsoJst,
  jstDate,
} from '@yokoten/case-studies';
import type { Language } from '../../i18n/i18n';

// Sessions happen in Japan: every time on these pages is read and written in Japan time (JST, UTC+9,
// no daylight saving), whatever the clock of the machine showing them says. The conversions themselves are
// the library's (@yokoten/case-studies, jst.ts), shared with the API.

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant from the API as the value of an `<input type="datetime-local">` in JST: `2026-11-21T14:00`. */
export function toJstInputValue(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return formatIsoJst(date).slice(0, 16);
}

/**
 * A `datetime-local` value read as Japan time, as ISO 8601 with the offset the API expects
 * (`2026-11-21T14:00:00+09:00`); null when it is not a real date and time.
 */
export function fromJstInputValue(value: string): string | null {
  const m = LOCAL_INPUT.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  // Reject 2026-02-30 and 25:00, which Date.UTC would silently roll over.
  const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  )
    return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad2(second)}+09:00`;
}

/** Milliseconds since the epoch of a `datetime-local` value read as JST, or NaN. */
export function jstInputTime(value: string): number {
  const iso = fromJstInputValue(value);
  return iso ? new Date(iso).getTime() : NaN;
}

let weekdayJa: Intl.DateTimeFormat | undefined;
let weekdayEn: Intl.DateTimeFormat | undefined;

function weekday(date: Date, language: Language): string {
  const formatter =
    language === 'ja'
      ? (weekdayJa ??= new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', weekday: 'short' }))
      : (weekdayEn ??= new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', weekday: 'short' }));
  return formatter.format(date);
}

/** ja `2026年11月21日（土）14:00〜17:00`, en `Sat 21 Nov 2026 14:00–17:00`: when a session takes place. */
export function formatSessionTime(startsAt: string, endsAt: string, language: Language): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return startsAt;
  const day = (date: Date) =>
    language === 'ja'
      ? `${formatDateJst(date, language)}（${weekday(date, language)}）`
      : `${weekday(date, language)} ${formatDateJst(date, language)}`;
  const dash = language === 'ja' ? '〜' : '–';
  const [from, to] = [formatClockJst(start), formatClockJst(end)];
  if (jstDate(start) === jstDate(end)) return `${day(start)} ${from}${dash}${to}`;
  return `${day(start)} ${from}${dash}${day(end)} ${to}`;
}

/** An instant in JST on a 24-hour clock: 2026年11月21日 14:00 / 21 Nov 2026 14:00. */
export function formatJst(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatDateTimeJst(date, language);
}

/** Just the JST clock time, for agenda slots: 14:10. */
export function formatJstClock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : formatClockJst(date);
}
