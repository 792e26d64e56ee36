import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import {
  fiscalYearOf,
  fiscalYearRange,
  formatDateJst,
  formatDateTimeJst,
  formatFiscalYear,
  jstDate,
} from './index';

describe('in the time zone jest runs in', () => {
  describe('jstDate', () => {
    it('is the day in Japan: it turns at 15:00 UTC', () => {
      expect(jstDate(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
      expect(jstDate(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
    });
  });

  describe('fiscalYearOf', () => {
    it('switches at midnight JST on 1 April', () => {
      expect(fiscalYearOf(new Date('2026-03-31T15:00:00Z'))).toBe(2026);
      expect(fiscalYearOf(new Date('2026-03-31T14:59:59.999Z'))).toBe(2025);
    });

    it('counts January to March in the previous fiscal year', () => {
      expect(fiscalYearOf(new Date('2026-01-01T00:00:00+09:00'))).toBe(2025);
      expect(fiscalYearOf(new Date('2025-12-31T23:59:59+09:00'))).toBe(2025);
      expect(fiscalYearOf(new Date('2025-04-01T00:00:00+09:00'))).toBe(2025);
    });

    it('rejects an invalid date', () => {
      expect(() => fiscalYearOf(new Date('not a date'))).toThrow(RangeError);
    });
  });

  describe('fiscalYearRange', () => {
    it('spans 1 April 00:00 JST to the next 1 April, end exclusive', () => {
      const { start, end } = fiscalYearRange(2025);
      expect(start.toISOString()).toBe('2025-03-31T15:00:00.000Z');
      expect(end.toISOString()).toBe('2026-03-31T15:00:00.000Z');
      expect(fiscalYearOf(start)).toBe(2025);
      expect(fiscalYearOf(new Date(end.getTime() - 1))).toBe(2025);
      expect(fiscalYearOf(end)).toBe(2026);
    });

    it('covers a leap February', () => {
      const { start, end } = fiscalYearRange(2023);
      expect((end.getTime() - start.getTime()) / 86_400_000).toBe(366);
    });

    it('rejects a non-integer year', () => {
      expect(() => fiscalYearRange(2025.5)).toThrow(RangeError);
    });
  });

  describe('formatDateJst / formatDateTimeJst', () => {
    // 09:30 UTC on 21 Nov is 18:30 the same day in Japan; 15:30 UTC is already the 22nd.
    const evening = new Date('2026-11-21T09:30:00Z');
    const afterMidnight = new Date('2026-11-21T15:30:00Z');

    it('formats the calendar date in Japan', () => {
      expect(formatDateJst(evening, 'ja')).toBe('2026年11月21日');
      expect(formatDateJst(evening, 'en')).toBe('21 Nov 2026');
      expect(formatDateJst(afterMidnight, 'ja')).toBe('2026年11月22日');
      expect(formatDateJst(new Date('2026-09-05T00:00:00+09:00'), 'en')).toBe('5 Sep 2026');
    });

    it('formats date and time on a 24-hour clock', () => {
      expect(formatDateTimeJst(evening, 'ja')).toBe('2026年11月21日 18:30');
      expect(formatDateTimeJst(evening, 'en')).toBe('21 Nov 2026 18:30');
      expect(formatDateTimeJst(new Date('2026-01-01T00:05:00+09:00'), 'ja')).toBe('2026年1月1日 00:05');
    });

    it('rejects an invalid date', () => {
      expect(() => formatDateJst(new Date(Number.NaN), 'ja')).toThrow(RangeError);
    });
  });
});

describe('formatFiscalYear', () => {
  it.each([
    [2025, '令和7年度（2025年度）'],
    [2026, '令和8年度（2026年度）'],
    [2020, '令和2年度（2020年度）'],
    [2019, '令和元年度（2019年度）'],
    [2018, '平成30年度（2018年度）'],
    [1989, '平成元年度（1989年度）'],
    [1988, '1988年度'],
  ])('%i in Japanese is %s', (fy, label) => {
    expect(formatFiscalYear(fy, 'ja')).toBe(label);
  });

  it('uses FY in English', () => {
    expect(formatFiscalYear(2025, 'en')).toBe('FY2025');
  });

  it('rejects a non-integer year', () => {
    expect(() => formatFiscalYear(Number.NaN, 'ja')).toThrow(RangeError);
  });
});

describe('whatever the time zone of the process', () => {
  // The server may run in any zone (CI in UTC, a laptop in Europe) and the results must only depend on
  // Japan time. Jest hands each test file a copy of process.env, so assigning TZ here would change nothing:
  // each zone gets a real Node process instead. Kiritimati (UTC+14) is ahead of Japan and Pago Pago
  // (UTC-11) is a calendar day behind it for most of the day.
  const ZONES: [string, number][] = [
    ['UTC', 0],
    ['Asia/Tokyo', -540],
    ['America/Los_Angeles', 480],
    ['Europe/London', 0],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
  ];
  const PROBE = `
    const f = {
      ...require(${JSON.stringify(path.join(__dirname, 'fiscal-year.ts'))}),
      ...require(${JSON.stringify(path.join(__dirname, 'jst.ts'))}),
    };
    const range = f.fiscalYearRange(2025);
    process.stdout.write(JSON.stringify({
      offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
      fiscalYears: ['2026-03-31T15:00:00Z', '2026-03-31T14:59:59.999Z', '2026-01-01T00:00:00+09:00']
        .map((s) => f.fiscalYearOf(new Date(s))),
      range: [range.start.toISOString(), range.end.toISOString()],
      dates: [
        f.formatDateJst(new Date('2026-11-21T09:30:00Z'), 'ja'),
        f.formatDateJst(new Date('2026-11-21T15:30:00Z'), 'en'),
        f.formatDateTimeJst(new Date('2026-11-21T09:30:00Z'), 'ja'),
        f.formatDateTimeJst(new Date('2026-11-21T15:30:00Z'), 'en'),
      ],
    }));
  `;
  const repoRoot = path.resolve(__dirname, '../../..');

  it.each(ZONES)(
    '%s',
    (zone, offset) => {
      const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', PROBE], {
        cwd: repoRoot,
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      expect(JSON.parse(output)).toEqual({
        // Proves the child really ran in that zone; otherwise the rest would prove nothing.
        offset,
        fiscalYears: [2026, 2025, 2025],
        range: ['2025-03-31T15:00:00.000Z', '2026-03-31T15:00:00.000Z'],
        dates: ['2026年11月21日', '22 Nov 2026', '2026年11月21日 18:30', '22 Nov 2026 00:30'],
      });
    },
    30_000,
  );
});
