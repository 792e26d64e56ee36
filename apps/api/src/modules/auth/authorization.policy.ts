import { ForbiddenError, UnauthenticatedError } from '../../common/app-error';
import type { Actor } from './actor';

/**
 * The one place where Yokoten decides who may do what (SPEC "Permissions"). Services call
 * `authorize(actor, action, subject)` before they act; the matrix spec tests every role × action.
 */
export interface MunicipalitySubject {
  municipalityId: string;
}

type Rule = (actor: Actor, subject?: MunicipalitySubject) => boolean;

const anyone = (): boolean => true;
const staff = (actor: Actor): boolean => actor.role === 'ORGANISER' || actor.role === 'ADMIN';
const ownMunicipalityOfficer = (actor: Actor, subject?: MunicipalitySubject): boolean =>
  actor.role === 'OFFICER' && subject !== undefined && actor.municipalityId === subject.municipalityId;

/** Actions open to anonymous callers. */
const PUBLIC_ACTIONS = {
  'municipality.list': true,
  'declaration.list': true,
} as const;

/** Actions that need a login, with who may do them. ADMIN may do everything. */
const RULES = {
  'user.me': anyone,
  'municipality.admit': staff,
  'municipality.withdraw': staff,
  'municipality.import': staff,
  'declaration.sign': ownMunicipalityOfficer,
} satisfies Record<string, Rule>;

export type Action = keyof typeof PUBLIC_ACTIONS | keyof typeof RULES;
export const ACTIONS = [...Object.keys(PUBLIC_ACTIONS), ...Object.keys(RULES)] as Action[];

export type Decision = 'ALLOW' | 'UNAUTHENTICATED' | 'FORBIDDEN';

export function decide(actor: Actor | null, action: Action, subject?: MunicipalitySubject): Decision {
  if (action in PUBLIC_ACTIONS) return 'ALLOW';
  if (!actor) return 'UNAUTHENTICATED';
  if (actor.role === 'ADMIN') return 'ALLOW';
  const rule: Rule = RULES[action as keyof typeof RULES];
  return rule(actor, subject) ? 'ALLOW' : 'FORBIDDEN';
}

export function can(actor: Actor | null, action: Action, subject?: MunicipalitySubject): boolean {
  return decide(actor, action, subject) === 'ALLOW';
}

/** Throws `UNAUTHENTICATED` or `FORBIDDEN`; returns the actor so callers get a non-null one. */
export function authorize(actor: Actor | null, action: Action, subject?: MunicipalitySubject): Actor {
  const decision = decide(actor, action, subject);
  if (decision === 'UNAUTHENTICATED') throw new UnauthenticatedError();
  if (decision === 'FORBIDDEN') throw new ForbiddenError();
  return actor as Actor;
}
