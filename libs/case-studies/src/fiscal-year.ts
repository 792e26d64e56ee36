import type { Lang } from './labels';

// Japan has had no daylight saving time since 1951, so UTC+9 is exact for every date we handle. Fiscal-year
// boundaries need the reverse mapping (a wall-clock time in Japan to an instant), which Intl cannot do, so
// they use the fixed offset; display goes through Intl with the Asia/Tokyo zone. The spec checks that both
// agree whatever the zone of the process.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;
const TIME_ZONE = 'Asia/Tokyo';

function assertValidDate(date: Date): void {
  // A brand check rather than instanceof: Dates may come from another realm (jest's sandbox, a vm context).
  if (Object.prototype.toString.call(date) !== '[object Date]' || Number.isNaN(date.getTime())) {
    throw new RangeError('Expected a valid Date');
  }
}

function assertFiscalYear(fy: number): void {
  if (!Number.isSafeInteger(fy)) {
    throw new RangeError(`Fiscal year must be an integer, got ${fy}`);
  }
}

/** `YYYY-MM-DD` of the day in Japan at the instant (2026-03-31T15:00Z is 2026-04-01). */
export function jstDate(date: Date): string {
  assertValidDate(date);
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The 年度 (April to March, in Japan time) that contains the instant: 2026-03-31T15:00Z is 2026-04-01 JST. */
export function fiscalYearOf(date: Date): number {
  assertValidDate(date);
  const jst = new Date(date.getTime() + JST_OFFSET_MS);
  const year = jst.getUTCFullYear();
  return jst.getUTCMonth() >= 3 ? year : year - 1;
}

/**
 * `start` is 1 April 00:00 JST of the fiscal year, `end` is 1 April 00:00 JST of the next one and is
 * exclusive, so `start <= t < end` holds for every instant of the year and ranges never overlap.
 */
export function fiscalYearRange(fy: number): { start: Date; end: Date } {
  assertFiscalYear(fy);
  return {
    start: new Date(Date.UTC(fy, 3, 1) - JST_OFFSET_MS),
    end: new Date(Date.UTC(fy + 1, 3, 1) - JST_OFFSET_MS),
  };
}

function eraYear(era: string, n: number): string {
  return `${era}${n === 1 ? '元' : n}年`;
}

/**
 * Municipal documents name a fiscal year by its era, so the Japanese label leads with it and adds the
 * Western year for readers comparing across the era change. FY2019 is 令和元年度 as the government named it
 * retroactively, although April 2019 was still Heisei. Case studies do not predate Heisei, so earlier years
 * get the Western year alone rather than a half-right Showa label.
 */
export function formatFiscalYear(fy: number, lang: Lang): string {
  assertFiscalYear(fy);
  if (lang === 'en') return `FY${fy}`;
  if (fy >= 2019) return `${eraYear('令和', fy - 2018)}度（${fy}年度）`;
  if (fy >= 1989) return `${eraYear('平成', fy - 1988)}度（${fy}年度）`;
  return `${fy}年度`;
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
