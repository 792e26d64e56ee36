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
type Which = 'own' | 'own-withdrawn' | 'other' | null;
const subjects = {
  own: { municipalityId: OWN, membershipStatus: 'MEMBER' },
  'own-withdrawn': { municipalityId: OWN, membershipStatus: 'WITHDRAWN' },
  other: { municipalityId: OTHER, membershipStatus: 'MEMBER' },
} as const;
const matrix: Array<[Action, Which, Record<keyof typeof actors, Decision>]> = [
  ['municipality.list', null, { anonymous: A, officer: A, organiser: A, admin: A }],
  ['declaration.list', null, { anonymous: A, officer: A, organiser: A, admin: A }],
  ['user.me', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['user.colleagues', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['municipality.admit', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['municipality.withdraw', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['municipality.import', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['declaration.sign', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['declaration.sign', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.readPublic', null, { anonymous: A, officer: A, organiser: A, admin: A }],
  ['caseStudy.readMembersOnly', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['caseStudy.readDraft', 'own', { anonymous: U, officer: A, organiser: A, admin: A }],
  ['caseStudy.readDraft', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['caseStudy.readRevisions', 'own', { anonymous: U, officer: A, organiser: A, admin: A }],
  ['caseStudy.readRevisions', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['caseStudy.listOwn', null, { anonymous: U, officer: A, organiser: F, admin: A }],
  ['caseStudy.create', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['caseStudy.create', 'own-withdrawn', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.create', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.edit', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['caseStudy.edit', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.publish', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['caseStudy.publish', 'own-withdrawn', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.publish', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.archive', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['caseStudy.archive', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['caseStudy.unpublish', 'own', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['caseStudy.unpublish', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['adoption.record', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['adoption.record', 'own-withdrawn', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['adoption.record', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['adoption.readDetails', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['inquiry.ask', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['inquiry.ask', 'own-withdrawn', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['inquiry.ask', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['inquiry.read', 'own', { anonymous: U, officer: A, organiser: A, admin: A }],
  ['inquiry.read', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['inquiry.reply', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['inquiry.reply', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['inquiry.setPublic', 'own', { anonymous: U, officer: A, organiser: F, admin: A }],
  ['inquiry.setPublic', 'other', { anonymous: U, officer: F, organiser: F, admin: A }],
  ['inquiry.readPublic', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['dashboard.read', null, { anonymous: U, officer: A, organiser: A, admin: A }],
  ['session.list', null, { anonymous: A, officer: A, organiser: A, admin: A }],
  ['session.manage', null, { anonymous: U, officer: F, organiser: A, admin: A }],
  ['session.register', 'own', { anonymous: U, officer: A, organiser: A, admin: A }],
  ['session.register', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['registration.cancel', 'own', { anonymous: U, officer: A, organiser: A, admin: A }],
  ['registration.cancel', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  ['registration.readPrivate', 'own', { anonymous: U, officer: A, organiser: A, admin: A }],
  ['registration.readPrivate', 'other', { anonymous: U, officer: F, organiser: A, admin: A }],
  // Without a confirmed seat; with one, see the test below.
  ['session.readLogistics', 'own', { anonymous: U, officer: F, organiser: A, admin: A }],
];

describe('authorization policy', () => {
  it('covers every action in the matrix', () => {
    expect(new Set(matrix.map(([action]) => action))).toEqual(new Set(ACTIONS));
  });

  for (const [action, which, expected] of matrix) {
    for (const [role, decision] of Object.entries(expected)) {
      it(`${role} → ${action}${which ? ` (${which} municipality)` : ''}: ${decision}`, () => {
        const subject = which ? subjects[which] : undefined;
        expect(decide(actors[role], action, subject)).toBe(decision);
      });
    }
  }
});

describe('authorization policy: session logistics', () => {
  it('lets an officer with a confirmed seat see the venue and meeting URL', () => {
    const seat = { municipalityId: OWN, holdsConfirmedSeat: true };
    expect(decide(actors.officer, 'session.readLogistics', seat)).toBe('ALLOW');
    expect(decide(actors.anonymous, 'session.readLogistics', seat)).toBe('UNAUTHENTICATED');
    expect(decide(actors.officer, 'session.readLogistics', { ...seat, holdsConfirmedSeat: false })).toBe(
      'FORBIDDEN',
    );
  });
});
