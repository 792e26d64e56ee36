import type { GqlResponse } from '../test-app';

export interface RawResponse<T = Record<string, unknown>> extends GqlResponse<T> {
  /** The raw body text, for responses that are not GraphQL JSON. */
  text: string;
}

/** POSTs to /graphql with any headers (cookies, request ids, content types) that `TestApp.gql` does not send. */
export async function postGraphql<T = Record<string, unknown>>(
  baseUrl: string,
  body: string | Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<RawResponse<T>> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: { data?: T; errors?: GqlResponse['errors'] } = {};
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    // Not JSON: callers assert on `status` and `text`.
  }
  return { status: res.status, data: parsed.data, errors: parsed.errors, headers: res.headers, text };
}

/** The one error of a failed operation; fails the test with the whole response when there is not exactly one. */
export function onlyError(res: GqlResponse<unknown>): {
  message: string;
  path?: string[];
  extensions: Record<string, unknown>;
} {
  if (res.errors?.length !== 1) {
    throw new Error(`expected exactly one GraphQL error, got ${JSON.stringify(res.errors ?? res.data)}`);
  }
  const [error] = res.errors;
  return { ...error, extensions: error.extensions ?? {} };
}

/** `extensions.code` of the only error, or 'OK' when the operation succeeded, for compact matrix assertions. */
export function outcome(res: GqlResponse<unknown>): string {
  if (!res.errors?.length) return 'OK';
  return String(onlyError(res).extensions.code);
}
