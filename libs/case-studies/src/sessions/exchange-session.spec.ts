import {
  capacityAlertLevel,
  EXCHANGE_SESSION_STATUSES,
  EXCHANGE_SESSION_STATUS_LABELS,
  formatTerm,
  isTerm,
  parseTerm,
  REGISTRATION_STATUSES,
  REGISTRATION_STATUS_LABELS,
  SESSION_FORMATS,
  SESSION_FORMAT_LABELS,
  termOf,
  termRange,
} from './exchange-session';

describe('exchange session taxonomy', () => {
  it('labels every status, format and registration status in both languages', () => {
    for (const s of EXCHANGE_SESSION_STATUSES) expect(EXCHANGE_SESSION_STATUS_LABELS[s].ja).toBeTruthy();
    for (const f of SESSION_FORMATS) expect(SESSION_FORMAT_LABELS[f].en).toBeTruthy();
    for (const r of REGISTRATION_STATUSES) expect(REGISTRATION_STATUS_LABELS[r].ja).toBeTruthy();
    expect(REGISTRATION_STATUS_LABELS.WAITLISTED.ja).toBe('キャンセル待ち');
  });
});

describe('terms', () => {
  it('parses and formats 2026H1 / 2026H2', () => {
    expect(parseTerm('2026H1')).toEqual({ fiscalYear: 2026, half: 1 });
    expect(formatTerm('2026H1', 'ja')).toBe('2026年度上期');
    expect(formatTerm('2026H2', 'ja')).toBe('2026年度下期');
    expect(formatTerm('2026H2', 'en')).toBe('FY2026 H2 (Oct–Mar)');
  });

  it('rejects malformed terms', () => {
    for (const bad of ['2026H3', '2026h1', '26H1', '2026-H1', '', '1999H1']) expect(isTerm(bad)).toBe(false);
    expect(() => formatTerm('2026H3', 'ja')).toThrow(RangeError);
  });

  it('finds the term of an instant in Japan time', () => {
    expect(termOf(new Date('2023-05-10T13:00:00+09:00'))).toBe('2023H1');
    expect(termOf(new Date('2026-09-30T23:59:00+09:00'))).toBe('2026H1');
    // 2026-10-01 00:30 JST is still 30 September in UTC.
    expect(termOf(new Date('2026-09-30T15:30:00Z'))).toBe('2026H2');
    expect(termOf(new Date('2027-03-31T12:00:00+09:00'))).toBe('2026H2');
    expect(termOf(new Date('2027-04-01T00:00:00+09:00'))).toBe('2027H1');
  });

  it('gives the half-open range of a term', () => {
    const { start, end } = termRange('2026H2');
    expect(start.toISOString()).toBe('2026-09-30T15:00:00.000Z');
    expect(end.toISOString()).toBe('2027-03-31T15:00:00.000Z');
    expect(termOf(start)).toBe('2026H2');
    expect(termOf(new Date(end.getTime() - 1))).toBe('2026H2');
    expect(termOf(end)).toBe('2027H1');
  });
});

describe('capacity alerts', () => {
  it('reports the highest threshold reached', () => {
    expect(capacityAlertLevel(0, 100)).toBe(0);
    expect(capacityAlertLevel(49, 100)).toBe(0);
    expect(capacityAlertLevel(50, 100)).toBe(50);
    expect(capacityAlertLevel(80, 100)).toBe(80);
    expect(capacityAlertLevel(100, 100)).toBe(100);
    expect(capacityAlertLevel(2, 3)).toBe(50);
    expect(capacityAlertLevel(3, 3)).toBe(100);
  });
});
