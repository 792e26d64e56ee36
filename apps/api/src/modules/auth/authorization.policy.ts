import type { MembershipStatus } from '@yokoten/case-studies';
import { ForbiddenError, UnauthenticatedError } from '../../common/app-error';
import type { Actor } from './actor';

/**
 * The one place where Yokoten decides who may do what (SPEC "Permissions"). Services call
 * `authorize(actor, action, subject)` before they act; the matrix spec tests every role × action.
 */
export interface MunicipalitySubject {
  municipalityId: string;
  /** Exchange sessions: the caller holds a CONFIRMED seat (venue and meeting URL are theirs to see). */
  holdsConfirmedSeat?: boolean;
  /** Surveys (アンケート): the caller is one of the session's attendees the survey was sent to. */
  surveyRecipient?: boolean;
  /** Given where membership matters (creating or publishing a case): only members publish to the network. */
  membershipStatus?: MembershipStatus | null;
}

type Rule = (actor: Actor, subject?: MunicipalitySubject) => boolean;

const anyone = (): boolean => true;
const staff = (actor: Actor): boolean => actor.role === 'ORGANISER' || actor.role === 'ADMIN';
/** Sessions: the organiser, or an officer acting for their own municipality (themselves or a colleague). */
const sessionParticipantOrStaff = (actor: Actor, subject?: MunicipalitySubject): boolean =>
  staff(actor) ||
  (actor.role === 'OFFICER' && subject !== undefined && actor.municipalityId === subject.municipalityId);
const seatHolderOrStaff = (actor: Actor, subject?: MunicipalitySubject): boolean =>
  staff(actor) || subject?.holdsConfirmedSeat === true;
const ownMunicipalityOfficer = (actor: Actor, subject?: MunicipalitySubject): boolean =>
  actor.role === 'OFFICER' && subject !== undefined && actor.municipalityId === subject.municipalityId;
const memberMunicipalityOfficer = (actor: Actor, subject?: MunicipalitySubject): boolean =>
  ownMunicipalityOfficer(actor, subject) && subject?.membershipStatus === 'MEMBER';
const ownMunicipalityOfficerOrStaff = (actor: Actor, subject?: MunicipalitySubject): boolean =>
  staff(actor) || ownMunicipalityOfficer(actor, subject);
const officer = (actor: Actor): boolean => actor.role === 'OFFICER';
/**
 * Members-only sharing: the organisers, and officers whose municipality is a MEMBER as of this request
 * (the Actor's status, read with the session). An APPLICANT has not joined yet and a WITHDRAWN one has left.
 */
const memberOrStaff = (actor: Actor): boolean =>
  staff(actor) || (actor.role === 'OFFICER' && actor.membershipStatus === 'MEMBER');

/** Actions open to anonymous callers. */
const PUBLIC_ACTIONS = {
  'municipality.list': true,
  'declaration.list': true,
  /** Exchange session listings and details other than venue and meeting URL (not drafts). */
  'session.list': true,
  /** A PUBLISHED, PUBLIC case (the caller of anything else is checked by the rules below). */
  'caseStudy.readPublic': true,
} as const;

/** Actions that need a login, with who may do them. ADMIN may do everything. */
const RULES = {
  'user.me': anyone,
  'user.colleagues': anyone,
  /** Accounts (docs/accounts.md). Own profile, mail preferences and password: every signed-in user. */
  'account.updateOwn': anyone,
  /** Invite an OFFICER; subject = the invited municipality: the organisers, or an officer of that MEMBER municipality. */
  'invitation.inviteOfficer': (actor: Actor, subject?: MunicipalitySubject): boolean =>
    staff(actor) || memberMunicipalityOfficer(actor, subject),
  /** Invite an ORGANISER. */
  'invitation.inviteOrganiser': staff,
  /** Invite an ADMIN, make or unmake one: the admins only. */
  'user.manageAdmins': (): boolean => false,
  /**
   * Resend, revoke and list invitations; subject = the invitation's municipality (none for staff
   * invitations): the organisers, or an officer of that MEMBER municipality.
   */
  'invitation.manage': (actor: Actor, subject?: MunicipalitySubject): boolean =>
    staff(actor) || memberMunicipalityOfficer(actor, subject),
  /** List accounts: the organisers all, an officer those of their own municipality (the service narrows). */
  'user.list': (actor: Actor): boolean => staff(actor) || officer(actor),
  /** A user's phone; subject = the user's municipality: colleagues of the same municipality and the organisers. */
  'user.readContact': ownMunicipalityOfficerOrStaff,
  /** A user's locale, status, last login and creation time (the user themselves always). */
  'user.readAccount': staff,
  /** Disable, enable, change the role of an account (admins: see 'user.manageAdmins'). */
  'user.manage': staff,
  /** The network's invitation settings (allowed domains). */
  'settings.manage': staff,
  'municipality.admit': staff,
  'municipality.withdraw': staff,
  'municipality.import': staff,
  'declaration.sign': ownMunicipalityOfficer,
  /** Create, edit, open, close, cancel, finish sessions; drafts, the console, exports, tables, check-in. */
  'session.manage': staff,
  /** Register oneself or a colleague of one's own municipality (the organiser: anyone). */
  'session.register': sessionParticipantOrStaff,
  'registration.cancel': sessionParticipantOrStaff,
  /** A registration's check-in code and QR code. */
  'registration.readPrivate': sessionParticipantOrStaff,
  /** Venue details and the meeting URL. */
  'session.readLogistics': seatHolderOrStaff,
  /**
   * Questionnaires (アンケート): build a session's registration questions and survey, set its close date,
   * read the results and the CSV (answers of named people, so the organisers only).
   */
  'questionnaire.manage': staff,
  /** Answer a session's survey: only someone it was sent to (an attendee), for themselves. */
  'survey.answer': (_actor: Actor, subject?: MunicipalitySubject): boolean =>
    subject?.surveyRecipient === true,
  /**
   * MEMBERS-only cases, contact email/phone and author names: officers of member municipalities and the
   * organisers. An officer of an APPLICANT or WITHDRAWN municipality reads PUBLIC material only.
   */
  'caseStudy.readMembersOnly': memberOrStaff,
  /** Drafts and archived cases, the moderation reason and the publish checklist. */
  'caseStudy.readDraft': ownMunicipalityOfficerOrStaff,
  'caseStudy.readRevisions': ownMunicipalityOfficerOrStaff,
  /**
   * Cases like a draft being written (the editor's duplicate check): any signed-in user, with only the cases
   * they may read (an officer of a withdrawn municipality may still finish an old draft, and sees PUBLIC ones).
   */
  'caseStudy.compareDraft': anyone,
  /** The officer's own municipality's cases, drafts included. */
  'caseStudy.listOwn': officer,
  'caseStudy.create': memberMunicipalityOfficer,
  'caseStudy.edit': ownMunicipalityOfficer,
  'caseStudy.publish': memberMunicipalityOfficer,
  'caseStudy.archive': ownMunicipalityOfficer,
  /** Delete a never-published draft (the service refuses a case that was ever published). */
  'caseStudy.deleteDraft': ownMunicipalityOfficer,
  /** Moderation: take a published case back to DRAFT with a reason the owners see. */
  'caseStudy.unpublish': staff,
  /**
   * Files (docs/attachments.md). A file is read under the rules of what it belongs to (the case or session
   * it is attached to); one marked members-only besides needs this: members and organisers.
   */
  'attachment.readMembersOnly': memberOrStaff,
  /** Upload, caption, mark members-only and delete a case's files; subject = the case's municipality (its editors). */
  'attachment.manageCaseFiles': ownMunicipalityOfficer,
  /** The same for a session's files (agenda, preparation, slides, report): the organisers. */
  'attachment.manageSessionFiles': staff,
  /** 横展開: record that one's own (member) municipality follows another's case; subject = the follower. */
  'adoption.record': memberMunicipalityOfficer,
  /**
   * The notes, adaptation and outcome of adoptions (the list and counts are public): what one member tells
   * the others about following a case, so members and organisers only, not APPLICANT or WITHDRAWN officers.
   */
  'adoption.readDetails': memberOrStaff,
  /** Ask the publisher of a case a question; subject = the asker's municipality (a member). */
  'inquiry.ask': memberMunicipalityOfficer,
  /** Read a thread; subject = one of its two municipalities (checked for each), organisers always. */
  'inquiry.read': ownMunicipalityOfficerOrStaff,
  /** Write in a thread (answer or follow up); subject = one of its two municipalities. */
  'inquiry.reply': ownMunicipalityOfficer,
  /** Make a thread a public FAQ of the case, or take it back; subject = the publisher. */
  'inquiry.setPublic': ownMunicipalityOfficer,
  /**
   * A thread the publisher made public: a FAQ shared with the network's members (it is never shown to
   * anonymous readers), so members and organisers; an APPLICANT or WITHDRAWN officer still reads the
   * threads of its own municipality through 'inquiry.read'.
   */
  'inquiry.readPublic': memberOrStaff,
  /**
   * The network dashboard (counts by theme, prefecture, year, MEMBERS cases included; the most followed
   * cases; adoptions; session participation per municipality): the network's own picture, for members and
   * organisers, not APPLICANT or WITHDRAWN officers.
   */
  'dashboard.read': memberOrStaff,
  /** The audit log (query and CSV): the organisers. */
  'auditLog.read': staff,
  /** 参加申込: list, admit, decline (applying is anonymous and needs no rule). */
  'joinApplication.manage': staff,
  /** Watch cases (mail on updates, adoptions, public FAQs) and list them: every signed-in user. */
  'watch.manage': anyone,
  /** Saved searches with a weekly digest: every signed-in user, their own only. */
  'savedSearch.manage': anyone,
  /** Send the due saved-search digests now (they also go out on schedule). */
  'watch.runDigests': staff,
  /**
   * 「参考になった」 on a case the caller may read; subject = the publisher: not its own officers (a
   * municipality does not vote for its own case).
   */
  'caseStudy.markHelpful': (actor: Actor, subject?: MunicipalitySubject): boolean =>
    !ownMunicipalityOfficer(actor, subject),
  /** The 参考になった count of a case; subject = the publisher: its officers and the organisers. */
  'caseStudy.readHelpfulCount': ownMunicipalityOfficerOrStaff,
  /** A municipality's public profile; subject = that municipality: its officers while it is a MEMBER, the organisers. */
  'municipality.updateProfile': (actor: Actor, subject?: MunicipalitySubject): boolean =>
    staff(actor) || memberMunicipalityOfficer(actor, subject),
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
