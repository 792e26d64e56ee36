import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { isSessionRefusal, type SessionRefusal } from '@yokoten/case-studies';
import type { TFunction } from 'i18next';
import { apiProblem, problemMessage } from '../../shared/errors';

interface Detail {
  reason?: SessionRefusal;
  field?: string;
  /** The API's own sentence (Japanese, with English in brackets), for cases the UI has no words for. */
  message?: string;
  code: string;
}

export function sessionProblem(error: unknown): Detail {
  const problem = apiProblem(error);
  if (!CombinedGraphQLErrors.is(error)) return { code: problem.code, field: problem.field };
  const first = error.errors[0];
  const reason = first?.extensions?.reason;
  return {
    code: problem.code,
    field: problem.field,
    message: problem.code === 'BAD_USER_INPUT' ? first?.message : undefined,
    reason: isSessionRefusal(reason) ? reason : undefined,
  };
}

/**
 * A sentence for a person: the refusal reason when the API gave one, otherwise the generic message for the
 * error code, followed by the API's own explanation of invalid input (it names the rule that failed).
 */
export function sessionProblemMessage(error: unknown, t: TFunction): string {
  const detail = sessionProblem(error);
  if (detail.reason) return t(`sessions.reasons.${detail.reason}`);
  const generic = problemMessage({ code: detail.code, field: detail.field }, t);
  if (detail.code === 'NOT_FOUND') return t('sessions.errors.notFound');
  return detail.message
    ? t('sessions.errors.withDetail', { message: generic, detail: detail.message })
    : generic;
}

/**
 * Whether a read came back whole except for agenda items' start times. The API cannot serialise those yet
 * (AgendaItem.startsAt is stored as text and its DateTime scalar returns null for text), so the page reads
 * with errorPolicy "all", shows everything else and leaves the times out rather than failing as a whole.
 */
export function onlyAgendaTimesFailed(error: unknown): boolean {
  if (!CombinedGraphQLErrors.is(error) || error.errors.length === 0) return false;
  return error.errors.every((e) => e.path?.includes('agenda') && e.path?.[e.path.length - 1] === 'startsAt');
}
