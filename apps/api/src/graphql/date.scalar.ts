import { Scalar, type CustomScalar } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day of the calendar: Date.parse alone takes 2024-02-30 (as 1 March). */
export function isCalendarDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function parse(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value) || !isCalendarDate(value)) {
    throw new GraphQLError('Date must be a calendar date as YYYY-MM-DD', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date without time zone (YYYY-MM-DD), e.g. the day a municipality joined, in JST. */
@Scalar('Date')
export class DateScalar implements CustomScalar<string, string> {
  description = 'Calendar date (YYYY-MM-DD), Japan time';
  parseValue(value: unknown): string {
    return parse(value);
  }
  serialize(value: unknown): string {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    // Stored values are shown as they are: one saved before the calendar check (2024-02-30) must not make
    // the whole case unreadable.
    if (typeof value === 'string' && DATE.test(value)) return value;
    return parse(value);
  }
  parseLiteral(ast: ValueNode): string {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Date must be a string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parse(ast.value);
  }
}
