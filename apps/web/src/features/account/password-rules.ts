import type { TFunction } from 'i18next';
import type { ApiProblem } from '../../shared/errors';

// The password policy of docs/accounts.md. The server decides (it also refuses common passwords, whose
// list only it has); these checks only say the obvious before a round trip, in the same words.
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export type PasswordReason = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTAINS_EMAIL';

/** The part of the address before the @, which a password may not contain (when it has 3+ characters). */
export function emailLocalPart(email: string | undefined): string {
  const local = (email ?? '').split('@')[0] ?? '';
  return local.normalize('NFKC').toLowerCase();
}

export function checkPassword(password: string, email?: string): PasswordReason | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return 'TOO_SHORT';
  if (length > PASSWORD_MAX) return 'TOO_LONG';
  const local = emailLocalPart(email);
  if (local.length >= 3 && password.normalize('NFKC').toLowerCase().includes(local)) return 'CONTAINS_EMAIL';
  return null;
}

export function passwordReasonMessage(reason: string | undefined, t: TFunction): string {
  switch (reason) {
    case 'TOO_SHORT':
      return t('password.tooShort', { min: PASSWORD_MIN });
    case 'TOO_LONG':
      return t('password.tooLong', { max: PASSWORD_MAX });
    case 'COMMON':
      return t('password.common');
    case 'CONTAINS_EMAIL':
      return t('password.containsEmail');
    default:
      return t('password.invalid');
  }
}

/** The server's refusal of a password (`BAD_USER_INPUT` on input.password / input.newPassword), or null. */
export function passwordProblem(problem: ApiProblem): string | null {
  if (problem.code !== 'BAD_USER_INPUT') return null;
  const field = problem.field?.split('.').pop();
  return field === 'password' || field === 'newPassword' ? (problem.reason ?? 'INVALID') : null;
}

export type TokenErrorCode = 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_USED' | 'TOKEN_REVOKED';

export function isTokenError(code: string): code is TokenErrorCode {
  return (
    code === 'TOKEN_INVALID' || code === 'TOKEN_EXPIRED' || code === 'TOKEN_USED' || code === 'TOKEN_REVOKED'
  );
}
