import type { Lang } from './labels';
import { assertValidDate, JST_OFFSET_MS } from './jst';

function assertFiscalYear(fy: number): void {
  if (!Number.isSafeInteger(fy)) {
    throw new RangeError(`Fiscal year must be an integer, got ${fy}`);
  }
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
