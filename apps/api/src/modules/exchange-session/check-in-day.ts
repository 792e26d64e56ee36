/**
 * 当日受付 happens on the session's day as people in Japan count days (JST, no daylight saving), whatever
 * the server's time zone: a code typed months early is a mistake, not an attendance.
 */
import { formatClockJst, formatDateJst, jstDate } from '@yokoten/case-studies';

/** Whether `now` falls on a day (JST) from the session's first to its last. */
export function isSessionDayJst(session: { startsAt: Date; endsAt: Date }, now: Date): boolean {
  const today = jstDate(now);
  return jstDate(session.startsAt) <= today && today <= jstDate(session.endsAt);
}

/** 2026年12月1日 */
export function jstDateLabel(at: Date): string {
  return formatDateJst(at, 'ja');
}

/** 10:02 on the same day (JST) as `now`, else 2026年12月1日 10:02. */
export function formatJstCheckInTime(at: Date, now: Date): string {
  const clock = formatClockJst(at);
  return jstDate(at) === jstDate(now) ? clock : `${jstDateLabel(at)} ${clock}`;
}
