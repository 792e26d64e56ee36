import type { Lang } from './labels';

// Japan time (JST), the one home of it for the API and the web: sessions, fiscal years and every date shown
// are in Japan whatever the zone of the server or the browser. Japan has had no daylight saving time since
// 1951, so UTC+9 is exact for every date we handle. The reverse mapping (a wall-clock time in Japan to an
// instant), which Intl cannot do, uses the fixed offset; display goes through Intl with the Asia/Tokyo zone.
// The specs check that both agree whatever the zone of the process.
export const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const TIME_ZONE = 'Asia/Tokyo';

export function assertValidDate(date: Date): void {
  // A brand check rather than instanceof: Dates may come from another realm (jest's sandbox, a vm context).
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) {
    throw new RangeError('Expected a valid Date');
  }
}

/** `YYYY-MM-DD` of the day in Japan at the instant (2026-03-31T15:00Z is 2026-04-01). */
export function jstDate(date: Date): string {
  assertValidDate(date);
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

// Month names are spelled out here because ICU's en-GB abbreviations changed between versions ("Sep" became
// "Sept"), and dates in exported documents must not depend on the Node build.
const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

let partsFormatter: Intl.DateTimeFormat | undefined;

interface JstParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function jstParts(date: Date): JstParts {
  assertValidDate(date);
  partsFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormatter.formatToParts(date)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: parts.hour ?? NaN,
    minute: parts.minute ?? NaN,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ja `2026年11月21日`, en `21 Nov 2026`, always the calendar date in Japan. */
export function formatDateJst(date: Date, lang: Lang): string {
  const { year, month, day } = jstParts(date);
  return lang === 'ja' ? `${year}年${month}月${day}日` : `${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** ja `2026年11月21日 18:30`, en `21 Nov 2026 18:30`, Japan time on a 24-hour clock. */
export function formatDateTimeJst(date: Date, lang: Lang): string {
  const { hour, minute } = jstParts(date);
  return `${formatDateJst(date, lang)} ${pad2(hour)}:${pad2(minute)}`;
}

/** `14:05`: the clock in Japan on a 24-hour clock (agenda slots, 「保存しました 14:32」, a check-in time). */
export function formatClockJst(date: Date): string {
  const { hour, minute } = jstParts(date);
  return `${pad2(hour)}:${pad2(minute)}`;
}

/**
 * `2025-06-01T10:00:00+09:00`: the instant in ISO 8601 / RFC 3339 with Japan's offset, to the second. Read
 * by people and machines alike as the same instant and the same day in Japan.
 */
export function formatIsoJst(date: Date): string {
  assertValidDate(date);
  return `${new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The instant of a wall-clock time in Japan on a day (`YYYY-MM-DD`, as jstDate gives): 2026-12-01 14:00 JST. */
export function atJst(day: string, hour = 0, minute = 0): Date {
  const m = DAY.exec(day);
  if (!m) throw new RangeError(`Expected a day as YYYY-MM-DD, got ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute) - JST_OFFSET_MS);
}
