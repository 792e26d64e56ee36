import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from './date.scalar';

/** RFC 3339 date and time; the offset may be left out (then it is Japan time, as every time in Yokoten). */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

const MESSAGE =
  'DateTime must be an ISO 8601 date and time, e.g. 2026-05-10T14:00:00+09:00 (without an offset: Japan time)';

function invalid(): GraphQLError {
  return new GraphQLError(MESSAGE, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Strict parsing: Nest's default DateTime scalar is `new Date(value)`, which reads 2027-02-30 as 2 March,
 * 25:00 as the next day, and a time without an offset in the server's own time zone. Here a day must be on
 * the calendar, a time on the clock, and a time without an offset is JST (+09:00).
 */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw invalid();
  const m = DATE_TIME.exec(value.trim());
  if (!m) throw invalid();
  const [, y, mo, d, h, mi, s = '00', frac = '', offset = '+09:00'] = m;
  const [hour, minute, second] = [h, mi, s].map(Number);
  if (hour > 23 || minute > 59 || second > 59) throw invalid();
  // The day as written, before any offset moves it: the Date scalar's calendar check.
  if (!isCalendarDate(`${y}-${mo}-${d}`)) throw invalid();
  if (offset.toUpperCase() !== 'Z' && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59))
    throw invalid();
  const parsed = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${offset.toUpperCase()}`);
  if (Number.isNaN(parsed.getTime())) throw invalid();
  return parsed;
}

/** An instant, sent as UTC ISO 8601 (2026-05-10T05:00:00.000Z); the clients show it in JST. */
@Scalar('DateTime', () => Date)
export class DateTimeScalar implements CustomScalar<string, Date> {
  description =
    'An instant as ISO 8601. Sent in UTC (2026-05-10T05:00:00.000Z); accepted with any offset, a time without one being Japan time (+09:00).';
  parseValue(value: unknown): Date {
    return parseDateTime(value);
  }
  serialize(value: unknown): string {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    if (typeof value === 'string' || typeof value === 'number') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return date.toISOString();
    }
    throw new GraphQLError('DateTime cannot represent this value');
  }
  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) throw invalid();
    return parseDateTime(ast.value);
  }
}
