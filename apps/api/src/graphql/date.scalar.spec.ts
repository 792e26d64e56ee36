import { Kind } from 'graphql';
import { DateScalar } from './date.scalar';

describe('DateScalar', () => {
  const scalar = new DateScalar();

  it.each(['2024-02-29', '2025-04-30', '2025-12-31', '2000-01-01'])('accepts %s', (value) => {
    expect(scalar.parseValue(value)).toBe(value);
    expect(scalar.parseLiteral({ kind: Kind.STRING, value })).toBe(value);
  });

  it.each([
    '2024-02-30',
    '2023-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-1-1',
    'yesterday',
    20250101,
  ])('refuses %p as BAD_USER_INPUT', (value) => {
    expect(() => scalar.parseValue(value)).toThrow(/calendar date/);
  });

  it('shows a stored date as it is, even one saved before the calendar check', () => {
    expect(scalar.serialize('2024-02-30')).toBe('2024-02-30');
    expect(scalar.serialize(new Date('2025-03-31T00:00:00Z'))).toBe('2025-03-31');
  });
});
