/**
 * Why the API refused something a member or the organiser asked of an exchange session: the
 * `extensions.reason` of the BAD_USER_INPUT error. The API throws exactly these; the web words each one
 * (its messages stay in its i18n files, keyed by the code).
 */
export const SESSION_REFUSALS = [
  'REGISTRATION_NOT_OPEN',
  'REGISTRATION_NOT_YET_OPEN',
  'REGISTRATION_CLOSED',
  'SESSION_CANCELLED',
  'SESSION_FINISHED',
  'ALREADY_REGISTERED',
  'ALREADY_CANCELLED',
  'MUNICIPALITY_LIMIT',
  'NOT_A_MEMBER',
  'NOT_AN_OFFICER',
  'UNKNOWN_TABLE',
  'CANCELLATION_CLOSED',
  'UNKNOWN_CODE',
  'NOT_CONFIRMED',
] as const;

export type SessionRefusal = (typeof SESSION_REFUSALS)[number];

export function isSessionRefusal(value: unknown): value is SessionRefusal {
  return (SESSION_REFUSALS as readonly unknown[]).includes(value);
}
