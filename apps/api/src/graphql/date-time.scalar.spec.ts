import { GraphQLError, Kind } from 'graphql';
import { DateTimeScalar, parseDateTime } from './date-time.scalar';

describe('DateTime scalar', () => {
  it.each([
    ['2026-05-10T14:00:00+09:00', '2026-05-10T05:00:00.000Z'],
    ['2026-05-10T05:00:00Z', '2026-05-10T05:00:00.000Z'],
    ['2026-05-10T05:00:00.123z', '2026-05-10T05:00:00.123Z'],
    ['2026-05-10T14:00', '2026-05-10T05:00:00.000Z'],
    ['2026-05-10 14:00:00', '2026-05-10T05:00:00.000Z'],
    ['2026-01-01T08:30:00', '2025-12-31T23:30:00.000Z'],
    ['2028-02-29T10:00:00+09:00', '2028-02-29T01:00:00.000Z'],
    ['2026-05-10T14:00:00-05:00', '2026-05-10T19:00:00.000Z'],
  ])('reads %s as %s (no offset: Japan time, whatever the server’s zone)', (input, iso) => {
    expect(parseDateTime(input).toISOString()).toBe(iso);
  });

  it.each([
    '2027-02-30T10:00:00+09:00',
    '2027-02-29T10:00:00+09:00',
    '2026-04-31T10:00:00Z',
    '2026-05-10T24:00:00+09:00',
    '2026-05-10T23:60:00+09:00',
    '2026-05-10T23:00:61Z',
    '2026-05-10T10:00:00+24:00',
    '2026-05-10',
    'tomorrow',
    '',
    '1715317200000',
    '2026-5-1T10:00:00Z',
  ])('refuses %s as BAD_USER_INPUT with an example of the format', (input) => {
    try {
      parseDateTime(input);
      throw new Error('accepted');
    } catch (err) {
      expect(err).toBeInstanceOf(GraphQLError);
      expect((err as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
      expect((err as GraphQLError).message).toContain('2026-05-10T14:00:00+09:00');
    }
  });

  it('refuses non-strings in variables and literals', () => {
    const scalar = new DateTimeScalar();
    expect(() => scalar.parseValue(1715317200000)).toThrow(GraphQLError);
    expect(() => scalar.parseLiteral({ kind: Kind.INT, value: '1' })).toThrow(GraphQLError);
    expect(scalar.parseLiteral({ kind: Kind.STRING, value: '2026-05-10T14:00' }).toISOString()).toBe(
      '2026-05-10T05:00:00.000Z',
    );
  });

  it('sends instants in UTC, stored ISO strings (the agenda’s JSON) included', () => {
    const scalar = new DateTimeScalar();
    expect(scalar.serialize(new Date('2026-05-10T05:00:00Z'))).toBe('2026-05-10T05:00:00.000Z');
    expect(scalar.serialize('2026-05-10T14:00:00+09:00')).toBe('2026-05-10T05:00:00.000Z');
    expect(() => scalar.serialize(new Date(NaN))).toThrow(GraphQLError);
  });
});
