import type { MembershipStatus } from '@yokoten/case-studies';
import {
  ACTIONS,
  type Action,
  decide,
  type Decision,
  type MunicipalitySubject,
} from './authorization.policy';
import type { Actor } from './actor';
import { actorOf } from './auth.service';

/** Each officer's own municipality, with its membership status; OTHER is another member. */
const OWN: Record<'MEMBER' | 'WITHDRAWN' | 'APPLICANT', string> = {
  MEMBER: 'muni-member',
  WITHDRAWN: 'muni-withdrawn',
  APPLICANT: 'muni-applicant',
};
const OTHER = 'muni-other';
const officerOf = (userId: string, status: keyof typeof OWN): Actor => ({
  userId,
  role: 'OFFICER',
  municipalityId: OWN[status],
  membershipStatus: status,
});

const actors = {
  anonymous: null,
  member: officerOf('u1', 'MEMBER'),
  withdrawn: officerOf('u4', 'WITHDRAWN'),
  applicant: officerOf('u5', 'APPLICANT'),
  organiser: { userId: 'u2', role: 'ORGANISER', municipalityId: null, membershipStatus: null },
  admin: { userId: 'u3', role: 'ADMIN', municipalityId: null, membershipStatus: null },
} satisfies Record<string, Actor | null>;
type Who = keyof typeof actors;
const LABEL: Record<Who, string> = {
  anonymous: 'anonymous',
  member: 'officer of a MEMBER municipality',
  withdrawn: 'officer of a WITHDRAWN municipality',
  applicant: 'officer of an APPLICANT municipality',
  organiser: 'organiser',
  admin: 'admin',
};

const A = 'ALLOW' as const;
const U = 'UNAUTHENTICATED' as const;
const F = 'FORBIDDEN' as const;

/**
 * The subject as the services describe it. 'own': the officer's own municipality with its real status
 * (for everyone else, the member officer's municipality); 'other': another member municipality.
 */
type Which = 'own' | 'other' | null;
function subjectOf(actor: Actor | null, which: Which): MunicipalitySubject | undefined {
  if (which === null) return undefined;
  if (which === 'other') return { municipalityId: OTHER, membershipStatus: 'MEMBER' };
  if (actor?.role === 'OFFICER')
    return { municipalityId: actor.municipalityId as string, membershipStatus: actor.membershipStatus };
  return { municipalityId: OWN.MEMBER, membershipStatus: 'MEMBER' };
}

// role × action (× own/other municipality where it matters): the expected decision. The three officer
// columns differ only in their municipality's membership status.
// prettier-ignore
const matrix: Array<[Action, Which, Record<Who, Decision>]> = [
  ['municipality.list',         null,    { anonymous: A, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['declaration.list',          null,    { anonymous: A, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['user.me',                   null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['user.colleagues',           null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  // Accounts: only members' officers invite (their own municipality's officers); only admins touch admins.
  ['account.updateOwn',         null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['invitation.inviteOfficer',  'own',   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['invitation.inviteOfficer',  'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['invitation.inviteOrganiser', null,   { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['user.manageAdmins',         null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['invitation.manage',         'own',   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['invitation.manage',         'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['invitation.manage',         null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['user.list',                 null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['user.readContact',          'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['user.readContact',          'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['user.readAccount',          null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['user.manage',               null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['settings.manage',           null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['municipality.admit',        null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['municipality.withdraw',     null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['municipality.import',       null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['declaration.sign',          'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['declaration.sign',          'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.readPublic',      null,    { anonymous: A, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  // Members-only sharing is for members: not before joining, not after leaving.
  ['caseStudy.readMembersOnly', null,    { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['caseStudy.readDraft',       'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['caseStudy.readDraft',       'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['caseStudy.readRevisions',   'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['caseStudy.readRevisions',   'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['caseStudy.compareDraft',    null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['caseStudy.listOwn',         null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['caseStudy.create',          'own',   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.create',          'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.edit',            'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['caseStudy.edit',            'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.publish',         'own',   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.publish',         'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.archive',         'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['caseStudy.archive',         'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.deleteDraft',     'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['caseStudy.deleteDraft',     'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['caseStudy.unpublish',       'own',   { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['caseStudy.unpublish',       'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  // Files: a members-only file like a MEMBERS case; a case's files by its editors, a session's by the organisers.
  ['attachment.readMembersOnly', null,   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['attachment.manageCaseFiles', 'own',  { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['attachment.manageCaseFiles', 'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['attachment.manageSessionFiles', null, { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['adoption.record',           'own',   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['adoption.record',           'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['adoption.readDetails',      null,    { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['inquiry.ask',               'own',   { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['inquiry.ask',               'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['inquiry.read',              'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['inquiry.read',              'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['inquiry.reply',             'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['inquiry.reply',             'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['inquiry.setPublic',         'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: F, admin: A }],
  ['inquiry.setPublic',         'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
  ['inquiry.readPublic',        null,    { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['dashboard.read',            null,    { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['auditLog.read',             null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['joinApplication.manage',    null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  // A profile is edited by its own municipality's officers while it is a member, and by the organisers.
  ['municipality.updateProfile', 'own',  { anonymous: U, member: A, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['municipality.updateProfile', 'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  // Watching and saved searches (#13): every signed-in user; 参考になった not by the publisher's own officers.
  ['watch.manage',              null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['savedSearch.manage',        null,    { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['watch.runDigests',          null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['caseStudy.markHelpful',     'own',   { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['caseStudy.markHelpful',     'other', { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['caseStudy.readHelpfulCount', 'own',  { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['caseStudy.readHelpfulCount', 'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['session.list',              null,    { anonymous: A, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['session.manage',            null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['session.register',          'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['session.register',          'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['registration.cancel',       'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['registration.cancel',       'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['registration.readPrivate',  'own',   { anonymous: U, member: A, withdrawn: A, applicant: A, organiser: A, admin: A }],
  ['registration.readPrivate',  'other', { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  // Without a confirmed seat; with one, see the test below.
  ['session.readLogistics',     'own',   { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  ['questionnaire.manage',      null,    { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: A, admin: A }],
  // Without the attendee flag nobody answers (the admin passes every rule; the service still wants an attendee).
  ['survey.answer',             'own',   { anonymous: U, member: F, withdrawn: F, applicant: F, organiser: F, admin: A }],
];

describe('authorization policy', () => {
  it('covers every action in the matrix', () => {
    expect(new Set(matrix.map(([action]) => action))).toEqual(new Set(ACTIONS));
  });

  for (const [action, which, expected] of matrix) {
    for (const [who, decision] of Object.entries(expected) as Array<[Who, Decision]>) {
      it(`${LABEL[who]} → ${action}${which ? ` (${which} municipality)` : ''}: ${decision}`, () => {
        const actor = actors[who];
        expect(decide(actor, action, subjectOf(actor, which))).toBe(decision);
      });
    }
  }
});

describe('authorization policy: membership comes from the caller', () => {
  const membersOnly = [
    'caseStudy.readMembersOnly',
    'adoption.readDetails',
    'inquiry.readPublic',
    'dashboard.read',
    'attachment.readMembersOnly',
  ] as const;

  it.each(membersOnly)('%s follows the Actor’s status, whatever subject a caller passes', (action) => {
    const asMember: MunicipalitySubject = { municipalityId: OWN.WITHDRAWN, membershipStatus: 'MEMBER' };
    expect(decide(actors.withdrawn, action, asMember)).toBe('FORBIDDEN');
    expect(decide(actors.member, action, { municipalityId: OWN.MEMBER, membershipStatus: 'WITHDRAWN' })).toBe(
      'ALLOW',
    );
  });

  it.each(membersOnly)('%s is refused to an officer whose municipality is only in the register', (action) => {
    const unlisted: Actor = { ...actors.member, membershipStatus: null };
    expect(decide(unlisted, action)).toBe('FORBIDDEN');
  });

  it.each<[MembershipStatus | null, MembershipStatus | null]>([
    ['MEMBER', 'MEMBER'],
    ['WITHDRAWN', 'WITHDRAWN'],
    ['APPLICANT', 'APPLICANT'],
    [null, null],
  ])('actorOf gives an officer its municipality’s status (%s)', (status, expected) => {
    expect(
      actorOf({ id: 'u9', role: 'OFFICER', municipalityId: 'm9', membershipStatus: status }).membershipStatus,
    ).toBe(expected);
  });

  it('actorOf gives organisers and admins no membership status: they are not officers of a member', () => {
    for (const role of ['ORGANISER', 'ADMIN'] as const) {
      expect(actorOf({ id: 'u8', role, municipalityId: null, membershipStatus: 'MEMBER' })).toEqual({
        userId: 'u8',
        role,
        municipalityId: null,
        membershipStatus: null,
      });
    }
  });
});

describe('authorization policy: surveys', () => {
  it('lets an attendee the survey was sent to answer it, whatever their municipality’s status now', () => {
    const recipient = { municipalityId: OWN.MEMBER, surveyRecipient: true };
    expect(decide(actors.member, 'survey.answer', recipient)).toBe('ALLOW');
    expect(decide(actors.withdrawn, 'survey.answer', { ...recipient, municipalityId: OWN.WITHDRAWN })).toBe(
      'ALLOW',
    );
    expect(decide(actors.anonymous, 'survey.answer', recipient)).toBe('UNAUTHENTICATED');
    expect(decide(actors.member, 'survey.answer', { ...recipient, surveyRecipient: false })).toBe('FORBIDDEN');
    expect(decide(actors.organiser, 'survey.answer', { municipalityId: OWN.MEMBER })).toBe('FORBIDDEN');
  });
});

describe('authorization policy: session logistics', () => {
  it('lets an officer with a confirmed seat see the venue and meeting URL', () => {
    const seat = { municipalityId: OWN.MEMBER, holdsConfirmedSeat: true };
    expect(decide(actors.member, 'session.readLogistics', seat)).toBe('ALLOW');
    expect(decide(actors.anonymous, 'session.readLogistics', seat)).toBe('UNAUTHENTICATED');
    expect(decide(actors.member, 'session.readLogistics', { ...seat, holdsConfirmedSeat: false })).toBe(
      'FORBIDDEN',
    );
  });
});
