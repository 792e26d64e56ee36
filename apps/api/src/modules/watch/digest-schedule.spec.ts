import { nextDigestAt } from './digest-schedule';

describe('nextDigestAt (Monday 08:00 JST)', () => {
  it.each([
    // Wednesday 2026-12-02 12:00 JST → Monday 2026-12-07 08:00 JST (Sunday 23:00 UTC)
    ['2026-12-02T03:00:00Z', '2026-12-06T23:00:00.000Z'],
    // Monday 07:59 JST → the same morning
    ['2026-12-06T22:59:00Z', '2026-12-06T23:00:00.000Z'],
    // Monday 08:00 JST exactly → a week later
    ['2026-12-06T23:00:00Z', '2026-12-13T23:00:00.000Z'],
    // Sunday 23:30 UTC is already Monday 08:30 JST → next week
    ['2026-12-06T23:30:00Z', '2026-12-13T23:00:00.000Z'],
    // Sunday 20:00 JST (11:00 UTC) → the next morning
    ['2026-12-06T11:00:00Z', '2026-12-06T23:00:00.000Z'],
    // across a year end
    ['2026-12-30T00:00:00Z', '2027-01-03T23:00:00.000Z'],
  ])('after %s → %s', (after, expected) => {
    expect(nextDigestAt(new Date(after)).toISOString()).toBe(expected);
  });
});
