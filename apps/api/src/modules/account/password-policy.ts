import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadUserInputError } from '../../common/app-error';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
export type PasswordRefusal = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON' | 'CONTAINS_EMAIL';

/** NFKC then lower case: full-width ＰＡＳＳＷＯＲＤ１２３４ is the same password as password1234. */
const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

let common: Set<string> | undefined;
/**
 * The shipped list (common-passwords.txt beside this file; the build copies it next to the compiled code),
 * read once on first use.
 */
export function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(join(__dirname, 'common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => normalise(l.trim()))
      .filter(Boolean),
  );
  return common;
}

/** Why a password is refused (docs/accounts.md "Password policy"), or null when it is acceptable. */
export function passwordRefusal(password: string, email: string): PasswordRefusal | null {
  // Length in characters as a person counts them (a kanji or an emoji is one).
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  const normal = normalise(password);
  if (commonPasswords().has(normal)) return 'COMMON';
  const local = normalise(email.split('@')[0] ?? '');
  if (local.length >= 3 && normal.includes(local)) return 'CONTAINS_EMAIL';
  return null;
}

const MESSAGES: Record<PasswordRefusal, string> = {
  TOO_SHORT: `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。 (At least ${PASSWORD_MIN_LENGTH} characters)`,
  TOO_LONG: `パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。 (At most ${PASSWORD_MAX_LENGTH} characters)`,
  COMMON:
    'よく使われているパスワードのため使用できません。推測されにくいものにしてください。 (This password is too common)',
  CONTAINS_EMAIL:
    'メールアドレスの一部を含むパスワードは使用できません。 (The password must not contain your e-mail address)',
};

/** Throws BAD_USER_INPUT naming `field` with `reason` when the password is refused. */
export function assertPasswordAllowed(password: string, email: string, field: string): void {
  const reason = passwordRefusal(password, email);
  if (reason) throw new BadUserInputError(field, MESSAGES[reason], { reason });
}
