import type { TFunction } from 'i18next';
import type { ApiProblem } from '../../shared/errors';
import type { Language } from '../../i18n/i18n';
import { formatDateTimeAsDate } from '../../shared/format';

export const USER_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export const ROLES = ['OFFICER', 'ORGANISER', 'ADMIN'] as const;

export function lastLogin(iso: string | null, language: Language, t: TFunction): string {
  return iso ? formatDateTimeAsDate(iso, language) : t('people.neverLoggedIn');
}

/** A refusal of an account change, said in words (the last admin, oneself, someone changed it first). */
export function accountActionMessage(problem: ApiProblem, t: TFunction): string | null {
  if (problem.reason === 'LAST_ADMIN') return t('people.lastAdmin');
  if (problem.reason === 'SELF') return t('people.notYourself');
  return null;
}
