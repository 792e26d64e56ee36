// The actions of docs/accounts.md's audit log, in the order the filter lists them.
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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

type Flat<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;

/** The i18n key of an action's label (i18next reads a dot as nesting, so `user.invite` is `user_invite`). */
export function actionKey(action: AuditAction): `auditLog.actions.${Flat<AuditAction>}` {
  return `auditLog.actions.${action.replace('.', '_') as Flat<AuditAction>}`;
}
