import { IntrinsicException } from '@nestjs/common';

/**
 * Errors a service may throw (IntrinsicException: expected outcomes, so Nest does not log them as crashes). Services never throw HTTP exceptions; the GraphQL error formatter maps
 * these to `extensions.code`, so every feature speaks the same language to clients.
 */
export type AppErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SEARCH_UNAVAILABLE'
  /** A link token (invitation, password reset): unknown or malformed, past its time, used, revoked. */
  | 'TOKEN_INVALID'
  | 'TOKEN_EXPIRED'
  | 'TOKEN_USED'
  | 'TOKEN_REVOKED'
  /** 当日受付: a check-in code entered on another day than the session's (JST), without the override. */
  | 'CHECK_IN_NOT_TODAY'
  /** 当日受付: the code was checked in before; extensions.checkedInAt says when. */
  | 'ALREADY_CHECKED_IN'
  /** Files (ATTACHMENT_ERROR_CODES in the library): over 30 MB, not an accepted type, 20 files already. */
  | 'ATTACHMENT_TOO_LARGE'
  | 'ATTACHMENT_TYPE_NOT_ALLOWED'
  | 'ATTACHMENT_QUOTA_EXCEEDED';

export class AppError extends IntrinsicException {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Invalid input: `field` is the path of the offending input field (e.g. `input.code`). */
export class BadUserInputError extends AppError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, { field, ...extra });
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = 'ログインが必要です。 (Authentication required)') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'この操作を行う権限がありません。 (Not allowed)') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} not found: ${id}`, { id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super('CONFLICT', message, extensions);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', message, { retryAfterSeconds });
  }
}

export type TokenErrorCode = 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_USED' | 'TOKEN_REVOKED';

const TOKEN_MESSAGES: Record<TokenErrorCode, string> = {
  TOKEN_INVALID: 'このリンクは無効です。 (This link is not valid)',
  TOKEN_EXPIRED: 'このリンクは有効期限が切れています。 (This link has expired)',
  TOKEN_USED: 'このリンクはすでに使用されています。 (This link has already been used)',
  TOKEN_REVOKED: 'このリンクは取り消されています。 (This link has been revoked)',
};

/** A link from a mail (invitation, password reset) that cannot be used, with the reason as the code. */
export class TokenError extends AppError {
  constructor(code: TokenErrorCode) {
    super(code, TOKEN_MESSAGES[code]);
  }
}
