/**
 * The actions of the audit log (docs/accounts.md), in the order the web's filter lists them: the API writes
 * only these (AuditLogService.record takes an AuditAction) and the web labels and filters by them.
 */
export const AUDIT_ACTIONS = [
  'user.invite',
  'user.invitationResent',
  'user.invitationRevoked',
  'user.invitationAccepted',
  'user.passwordReset',
  'user.passwordChanged',
  'user.disable',
  'user.enable',
  'user.roleChange',
  'user.profileUpdate',
  'user.createAdmin',
  'municipality.admit',
  'municipality.withdraw',
  'municipality.profileUpdate',
  'joinApplication.submit',
  'joinApplication.admit',
  'joinApplication.decline',
  'settings.invitationDomains',
  'caseStudy.deleteDraft',
  'attachment.upload',
  'attachment.update',
  'attachment.delete',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}
