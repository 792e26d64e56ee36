import { HttpException, type Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { BadUserInputError, ConflictError, ForbiddenError } from '../common/app-error';
import { createErrorFormatter, fieldFromMessage } from './format-error';

function setup() {
  const logged: unknown[] = [];
  const logger = { error: (m: unknown) => logged.push(m) } as unknown as Logger;
  const format = createErrorFormatter(logger);
  /** What graphql-js + Apollo hand the formatter for an error thrown in a resolver. */
  const fromResolver = (original: Error): [GraphQLFormattedError, unknown] => {
    const error = new GraphQLError(original.message, { path: ['signDeclaration'], originalError: original });
    return [
      { ...error.toJSON(), extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      error,
    ];
  };
  return { logged, format, fromResolver };
}

describe('createErrorFormatter', () => {
  it('keeps a service error’s code, message and extensions', () => {
    const { format, fromResolver, logged } = setup();
    const out = format(...fromResolver(new BadUserInputError('input.statement', 'statement is empty')));
    expect(out).toEqual({
      message: 'statement is empty',
      path: ['signDeclaration'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.statement' },
    });
    expect(format(...fromResolver(new ConflictError('already signed'))).extensions).toEqual({
      code: 'CONFLICT',
    });
    expect(format(...fromResolver(new ForbiddenError())).extensions).toEqual({ code: 'FORBIDDEN' });
    expect(logged).toEqual([]);
  });

  it('hides an unexpected error behind a generic message and logs it', () => {
    const { format, fromResolver, logged } = setup();
    const out = format(...fromResolver(new Error('relation "secret_table" does not exist')));
    expect(out.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(out.message).toMatch(/Internal server error/);
    expect(JSON.stringify(out)).not.toMatch(/secret_table|stacktrace/);
    expect(JSON.stringify(logged)).toMatch(/secret_table/);
  });

  it.each([
    [400, 'BAD_USER_INPUT'],
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
    [429, 'TOO_MANY_REQUESTS'],
  ])('maps a %i HttpException to %s', (status, code) => {
    const { format, fromResolver } = setup();
    expect(format(...fromResolver(new HttpException('nope', status))).extensions).toEqual({ code });
  });

  it('treats a 5xx HttpException as unexpected', () => {
    const { format, fromResolver, logged } = setup();
    expect(format(...fromResolver(new HttpException('db down', 503))).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
    expect(logged).toHaveLength(1);
  });

  it('passes client errors from graphql-js through without their stack, naming the field of a bad variable', () => {
    const { format } = setup();
    const message = 'Variable "$input" got invalid value { a: 1 }; Field "a" is not defined by type "X".';
    const out = format(
      { message, extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y'] } },
      new GraphQLError(message),
    );
    expect(out).toEqual({ message, extensions: { code: 'BAD_USER_INPUT', field: 'input.a' } });
  });
});

describe('fieldFromMessage', () => {
  it.each([
    ['Variable "$first" got invalid value "abc"; Int cannot represent non-integer value: "abc"', 'first'],
    [
      'Variable "$input" got invalid value {}; Field "statement" of required type "String!" was not provided.',
      'input.statement',
    ],
    [
      'Variable "$input" got invalid value { x: 1 }; Field "x" is not defined by type "SignDeclarationInput".',
      'input.x',
    ],
    [
      'Variable "$filter" got invalid value "CASTLE" at "filter.kinds[0]"; Value "CASTLE" does not exist',
      'filter.kinds',
    ],
    [
      'Variable "$filter" got invalid value 1 at "filter.search"; String cannot represent a non string value: 1',
      'filter.search',
    ],
    [
      'Variable "$input" got invalid value "x" at "input.outcomes[0].after"; Float cannot represent non numeric value: "x"',
      'input.outcomes.0.after',
    ],
    ['Variable "$code" of non-null type "String!" must not be null.', 'code'],
  ])('%s → %s', (message, field) => {
    expect(fieldFromMessage(message)).toBe(field);
  });

  it('names nothing when the message names no variable', () => {
    expect(fieldFromMessage('Something else went wrong')).toBeUndefined();
  });
});
