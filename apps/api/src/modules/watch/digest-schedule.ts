/** Digests go out weekly, on Monday at 08:00 in Japan (JST, UTC+9, no daylight saving time). */
export const DIGEST_WEEKDAY = 1; // Monday
export const DIGEST_HOUR_JST = 8;
const JST_OFFSET_MS = 9 * 3_600_000;
const WEEK_MS = 7 * 86_400_000;

/** The first Monday 08:00 JST strictly after `after`. */
export function nextDigestAt(after: Date): Date {
  const jst = new Date(after.getTime() + JST_OFFSET_MS);
  const daysAhead = (DIGEST_WEEKDAY - jst.getUTCDay() + 7) % 7;
  const candidate =
    Date.UTC(jst.getUTCFullYear(), jst.getUTCMonth(), jst.getUTCDate() + daysAhead, DIGEST_HOUR_JST) -
    JST_OFFSET_MS;
  return new Date(candidate > after.getTime() ? candidate : candidate + WEEK_MS);
}
