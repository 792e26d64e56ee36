import { ACTIONS, type Action, decide, type Decision } from './authorization.policy';
import type { Actor } from './actor';

const OWN = 'muni-own';
const OTHER = 'muni-other';
const actors: Record<string, Actor | null> = {
  anonymous: null,
  officer: { userId: 'u1', role: 'OFFICER', municipalityId: OWN },
  organiser: { userId: 'u2', role: 'ORGANISER', municipalityId: null },
  admin: { userId: 'u3', role: 'ADMIN', municipalityId: null },
};

const A = 'ALLOW' as const;
const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;

// role × action (× own/other municipality where it matters): the expected decision.
const matrix: Array<[Action, 'own' | 'other' | null, Record<keyof typeof actors, Decision>]> = [
  ['municipality.list', null, { anonymous: A, officer: A, organiser: A, admin: A }],
  ['declaration.list', null, { anonymous: A, officer: A, organiser: A, admin: A }],
  ['user.me', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['municipality.admit', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['municipality.withdraw', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['municipality.import', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['declaration.sign', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['declaration.sign', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
];

describe('authorization policy', () => {
  it('covers every action in the matrix', () => {
    expect(new Set(matrix.map(([action]) => action))).toEqual(new Set(ACTIONS));
  });

  for (const [action, which, expected] of matrix) {
    for (const [role, decision] of Object.entries(expected)) {
      it(`${role} → ${action}${which ? ` (${which} municipality)` : ''}: ${decision}`, () => {
        const subject = which ? { municipalityId: which === 'own' ? OWN : OTHER } : undefined;
        expect(decide(actors[role], action, subject)).toBe(decision);
      });
    }
  }
});
