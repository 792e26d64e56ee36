import type { AuditAction } from '@yokoten/case-studies';

export { AUDIT_ACTIONS, isAuditAction, type AuditAction } from '@yokoten/case-studies';

type Flat<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${B}` : S;

/** The i18n key of an action's label (i18next reads a dot as nesting, so `user.invite` is `user_invite`). */
export function actionKey(action: AuditAction): `auditLog.actions.${Flat<AuditAction>}` {
  return `auditLog.actions.${action.replace('.', '_') as Flat<AuditAction>}`;
}
