import { jstDate } from '@yokoten/case-studies';
import { formatJstCheckInTime, isSessionDayJst, jstDateLabel } from './check-in-day';

describe('当日受付 day (JST)', () => {
  const session = {
    startsAt: new Date('2026-12-01T13:00:00+09:00'),
    endsAt: new Date('2026-12-01T17:00:00+09:00'),
  };

  it('counts days as in Japan, not as in UTC', () => {
    // 00:30 JST on 1 December is still 30 November in UTC.
    expect(jstDate(new Date('2026-11-30T15:30:00Z'))).toBe('2026-12-01');
    expect(isSessionDayJst(session, new Date('2026-11-30T15:30:00Z'))).toBe(true);
    expect(isSessionDayJst(session, new Date('2026-12-01T23:59:00+09:00'))).toBe(true);
  });

  it('refuses the day before and after, and months early', () => {
    expect(isSessionDayJst(session, new Date('2026-11-30T23:59:00+09:00'))).toBe(false);
    expect(isSessionDayJst(session, new Date('2026-12-02T00:00:00+09:00'))).toBe(false);
    expect(isSessionDayJst(session, new Date('2026-06-01T13:00:00+09:00'))).toBe(false);
  });

  it('accepts every day of a session over several days', () => {
    const twoDays = { ...session, endsAt: new Date('2026-12-02T12:00:00+09:00') };
    expect(isSessionDayJst(twoDays, new Date('2026-12-02T09:00:00+09:00'))).toBe(true);
  });

  it('says the time of an earlier check-in, with the date when it was another day', () => {
    const at = new Date('2026-12-01T01:02:00Z');
    expect(formatJstCheckInTime(at, new Date('2026-12-01T14:00:00+09:00'))).toBe('10:02');
    expect(formatJstCheckInTime(at, new Date('2026-12-02T09:00:00+09:00'))).toBe('2026年12月1日 10:02');
    expect(jstDateLabel(at)).toBe('2026年12月1日');
  });
});
