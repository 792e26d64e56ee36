import {
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  MeilisearchTaskTimeOutError,
} from 'meilisearch';
import { AppError } from '../common/app-error';
import { isIndexMisconfigured, isIndexNotFound, meiliApiError, meiliErrorCode } from './case-index';

/** The search engine cannot answer (down, or its index is not ready yet); writes keep working meanwhile. */
export class SearchUnavailableError extends AppError {
  constructor() {
    super(
      'SEARCH_UNAVAILABLE',
      '検索は一時的に利用できません。しばらくしてからもう一度お試しください。 (Search is temporarily unavailable)',
      { retryAfterSeconds: 5 },
    );
  }
}

/**
 * A search call failed for a reason on our side (a bug, or parameters the engine refuses with a 4xx): not an
 * outage. It reaches the client as an internal error and is logged with the request id, cause included.
 */
export class SearchEngineError extends Error {
  constructor(cause: unknown) {
    const code = meiliErrorCode(cause);
    const what = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
    const inner = cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    super(`search engine call failed${code ? ` [${code}]` : ''}: ${what}${inner}`, { cause });
    this.name = 'SearchEngineError';
  }
}

/**
 * Socket errors that mean the engine is not reachable or went away mid-request (node:http's, and fetch's
 * `cause`): connection refused or reset, host or network unreachable, name not resolved, timed out.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/**
 * What a failed engine call means:
 * - `unreachable`: the engine did not answer (connection refused or reset, a timeout), its answer could not
 *   be read (a communication error), or it answered 5xx;
 * - `index-missing`: the live index does not exist (engine restarted empty, index deleted): the heal
 *   rebuilds it (case-index.healer.ts);
 * - `index-misconfigured`: the engine refused a filter, sort or facet our own parameters cannot break when
 *   the index has our settings: it has drifted, and the heal puts them back;
 * - `bug`: anything else, i.e. our code (a TypeError) or parameters the engine refuses (a 4xx).
 */
export type EngineFault = 'unreachable' | 'index-missing' | 'index-misconfigured' | 'bug';

export function classifyEngineError(err: unknown): EngineFault {
  if (isIndexNotFound(err)) return 'index-missing';
  if (isIndexMisconfigured(err)) return 'index-misconfigured';
  const answer = meiliApiError(err);
  if (answer) return answer.response.status >= 500 ? 'unreachable' : 'bug';
  // No answer from the engine: the client wraps what the transport threw (MeilisearchRequestError), and
  // fetch wraps the socket error once more, so the reason is found along the `cause` chain.
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e; depth += 1) {
    if (e instanceof MeilisearchRequestTimeOutError || e instanceof MeilisearchTaskTimeOutError)
      return 'unreachable';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return 'unreachable';
    // The transport could not parse a 2xx body (node-http-client.ts): the answer was cut or garbled.
    if (e instanceof MeilisearchRequestError && e.cause instanceof SyntaxError) return 'unreachable';
    e = (e as { cause?: unknown }).cause;
  }
  return 'bug';
}

/** Told of an index that is missing or misconfigured (CaseIndex.noticeTrouble: the heal checks now). */
export interface TroubleListener {
  noticeTrouble(): void;
}

/**
 * Runs one engine call for a reader. An outage, or an index that is missing or not configured as ours (it is
 * being healed: `index` is asked to check now), becomes SEARCH_UNAVAILABLE, an expected answer that is not
 * logged as a crash; anything else is a SearchEngineError, which the error formatter logs and reports as an
 * internal error.
 */
export async function askEngine<T>(index: TroubleListener, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    switch (classifyEngineError(err)) {
      case 'unreachable':
        throw new SearchUnavailableError();
      case 'index-missing':
      case 'index-misconfigured':
        index.noticeTrouble();
        throw new SearchUnavailableError();
      default:
        throw new SearchEngineError(err);
    }
  }
}
