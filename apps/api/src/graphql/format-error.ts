import type { Logger } from '@nestjs/common';
import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError } from '../common/app-error';
import { QueryLimitError } from './query-limits';

/** Codes graphql-js / Apollo produce for a bad request; these pass through as they are. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
]);

/**
 * `Variable "$input" got invalid value …; Field "code" …` → `input.code`, so clients can mark the field.
 * List positions are dropped (`at "filter.kinds[0]"` → `filter.kinds`), as the validation pipe names fields.
 */
export function fieldFromMessage(message: string): string | undefined {
  const variable = /Variable "\$(\w+)"/.exec(message)?.[1];
  // `input.outcomes[0].after` → `input.outcomes.0.after` (the validation pipe's spelling); a trailing
  // position (`filter.kinds[1]`) names the list itself.
  const path = /at "(\w+(?:\.\w+|\[\d+\])*)"/
    .exec(message)?.[1]
    ?.replace(/\[(\d+)\]/g, '.$1')
    .replace(/\.\d+$/, '');
  const field = /[Ff]ield "(\w+)"/.exec(message)?.[1];
  if (path) return path;
  if (variable && field) return `${variable}.${field}`;
  return variable ?? undefined;
}

/**
 * Maps every error to the contract's `extensions.code`. Service errors (AppError) keep their code and
 * extensions; anything unexpected is logged with the request id and reaches the client as a generic
 * message, never a stack or SQL.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const path = formatted.path;
    if (original instanceof AppError) {
      return {
        message: original.message,
        path,
        locations: formatted.locations,
        extensions: { code: original.code, ...original.extensions },
      };
    }
    if (original instanceof QueryLimitError) {
      // Depth, aliases, directives, time: refused by query-limits.ts (Apollo labels the first three
      // GRAPHQL_VALIDATION_FAILED; the client gets which limit it hit and the maximum).
      return {
        message: original.message,
        path,
        locations: formatted.locations,
        extensions: { code: original.code, ...original.extensions },
      };
    }
    if (original instanceof HttpException) {
      const status = original.getStatus();
      if (status < 500) {
        const code =
          status === 401
            ? 'UNAUTHENTICATED'
            : status === 403
              ? 'FORBIDDEN'
              : status === 429
                ? 'TOO_MANY_REQUESTS'
                : 'BAD_USER_INPUT';
        return { message: original.message, path, extensions: { code } };
      }
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const field = code === 'BAD_USER_INPUT' ? fieldFromMessage(formatted.message) : undefined;
      const { stacktrace: _stack, ...rest } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...rest, ...(field && !rest.field ? { field } : {}) } };
    }
    const requestId = (formatted.extensions?.requestId as string | undefined) ?? undefined;
    logger.error({
      msg: 'unexpected error in GraphQL operation',
      path: path?.join('.'),
      error:
        original instanceof Error
          ? { name: original.name, message: original.message, stack: original.stack }
          : String(original),
    });
    return {
      message:
        '予期しないエラーが発生しました。しばらくしてからもう一度お試しください。 (Internal server error)',
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
