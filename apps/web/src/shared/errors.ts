import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import type { TFunction } from 'i18next';

/** What the UI needs to know about a failed operation: the API's `extensions.code` and `field`. */
export interface ApiProblem {
  code: string;
  field?: string;
  /** How long to wait (a rate limit, the search engine restarting), when the API says. */
  retryAfterSeconds?: number;
  /** Why, when the API says more than the code (a password's `TOO_SHORT`, `LAST_ADMIN`). */
  reason?: string;
}

interface FormattedError {
  extensions?: { code?: unknown; field?: unknown; retryAfterSeconds?: unknown; reason?: unknown };
}

function fromErrors(errors: readonly FormattedError[] | undefined): ApiProblem | undefined {
  const first = errors?.find((error) => typeof error.extensions?.code === 'string');
  if (!first) return undefined;
  const { field, retryAfterSeconds, reason } = first.extensions ?? {};
  return {
    code: String(first.extensions?.code),
    field: typeof field === 'string' ? field : undefined,
    reason: typeof reason === 'string' ? reason : undefined,
    retryAfterSeconds:
      typeof retryAfterSeconds === 'number' && retryAfterSeconds > 0 ? retryAfterSeconds : undefined,
  };
}

export function apiProblem(error: unknown): ApiProblem {
  if (CombinedGraphQLErrors.is(error)) {
    return fromErrors(error.errors) ?? { code: 'INTERNAL_SERVER_ERROR' };
  }
  if (ServerError.is(error)) {
    // A non-2xx answer (400 for invalid variables, 429 when rate limited) may still carry GraphQL errors.
    try {
      const body = JSON.parse(error.bodyText) as { errors?: FormattedError[] };
      const problem = fromErrors(body.errors);
      if (problem) return problem;
    } catch {
      // not JSON: fall through to the status code
    }
    if (error.statusCode === 429) return { code: 'TOO_MANY_REQUESTS' };
    if (error.statusCode === 401) return { code: 'UNAUTHENTICATED' };
    if (error.statusCode === 403) return { code: 'FORBIDDEN' };
    return { code: 'INTERNAL_SERVER_ERROR' };
  }
  if (error instanceof TypeError) return { code: 'NETWORK_ERROR' }; // fetch failed
  return { code: 'INTERNAL_SERVER_ERROR' };
}

/** A sentence for a person, in the current language, for any failed operation. */
export function problemMessage(problem: ApiProblem, t: TFunction): string {
  switch (problem.code) {
    case 'NETWORK_ERROR':
      return t('errors.network');
    case 'UNAUTHENTICATED':
      return t('errors.unauthenticated');
    case 'FORBIDDEN':
      return t('errors.forbidden');
    case 'BAD_USER_INPUT':
    case 'GRAPHQL_VALIDATION_FAILED':
      return t('errors.badInput');
    case 'TOO_MANY_REQUESTS':
      return problem.retryAfterSeconds
        ? t('errors.tooManyRequestsWait', { minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) })
        : t('errors.tooManyRequests');
    case 'CONFLICT':
      // Someone else (another tab, a colleague, the organiser) changed the same thing first.
      return t('errors.conflict');
    default:
      return t('errors.unknown');
  }
}
