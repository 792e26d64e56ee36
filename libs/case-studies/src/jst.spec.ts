import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { atJst, formatClockJst, formatIsoJst, jstDate } from './index';

// jstDate, formatDateJst and formatDateTimeJst are specified with the fiscal year (fiscal-year.spec.ts).

describe('formatClockJst', () => {
  it('is the clock in Japan on a 24-hour clock', () => {
    expect(formatClockJst(new Date('2026-11-21T05:02:00Z'))).toBe('14:02');
    expect(formatClockJst(new Date('2026-11-21T15:30:59Z'))).toBe('00:30');
    expect(formatClockJst(new Date('2026-11-21T14:59:00Z'))).toBe('23:59');
  });

  it('rejects an invalid date', () => {
    expect(() => formatClockJst(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('formatIsoJst', () => {
  it('writes the instant with the +09:00 offset, to the second', () => {
    expect(formatIsoJst(new Date('2025-06-01T01:00:00.250Z'))).toBe('2025-06-01T10:00:00+09:00');
    // 23:00 UTC is already the next day in Japan.
    expect(formatIsoJst(new Date('2025-12-31T23:00:00Z'))).toBe('2026-01-01T08:00:00+09:00');
    expect(new Date(formatIsoJst(new Date('2025-06-01T01:00:00Z'))).toISOString()).toBe(
      '2025-06-01T01:00:00.000Z',
    );
  });
});

describe('atJst', () => {
  it('is the instant of a wall-clock time in Japan', () => {
    expect(atJst('2026-12-01').toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(atJst('2026-12-01', 14).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(atJst('2026-12-01', 9, 30).toISOString()).toBe('2026-12-01T00:30:00.000Z');
  });

  it('round-trips with jstDate', () => {
    const at = new Date('2026-03-31T15:00:00Z');
    expect(jstDate(atJst(jstDate(at), 23, 59))).toBe(jstDate(at));
  });

  it('rejects what is not a day', () => {
    expect(() => atJst('2026/12/01')).toThrow(RangeError);
  });
});

describe('whatever the time zone of the process', () => {
  const PROBE = `
    const j = require(${JSON.stringify(path.join(__dirname, 'jst.ts'))});
    process.stdout.write(JSON.stringify([
      j.formatClockJst(new Date('2026-11-21T15:30:00Z')),
      j.formatIsoJst(new Date('2026-11-21T15:30:00Z')),
      j.atJst('2026-12-01', 14).toISOString(),
    ]));
  `;
  const repoRoot = path.resolve(__dirname, '../../..');

  it.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
    '%s',
    (zone) => {
      const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', PROBE], {
        cwd: repoRoot,
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      });
      expect(JSON.parse(output)).toEqual(['00:30', '2026-11-22T00:30:00+09:00', '2026-12-01T05:00:00.000Z']);
    },
    30_000,
  );
});
