import type { DataSource } from 'typeorm';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { AuditLogService } from '../audit/audit-log.service';
import { AccountRepository } from './account.repository';
import { APP_URL } from '../mail/mail.service';
import { invitationLink } from './account-mails';
import { assertPasswordAllowed } from './password-policy';
import { UserAdminService, type CreateAdminResult } from './user-admin.service';

export { AdminExistsError } from './user-admin.service';

export interface FirstAdminInput {
  email: string;
  name: string;
  /** Set now (prompted on a TTY); without it the result carries a one-time set-password link. */
  password?: string;
  /** Add an admin although one exists. */
  another?: boolean;
}

/**
 * The core of `users:create-admin`, outside Nest (the CLI has a data source, not an application): the
 * same service, repository and audit log the API uses. Throws AdminExistsError when an admin exists and
 * `another` is not set, BadUserInputError when the password breaks the policy.
 */
export async function createFirstAdmin(
  dataSource: DataSource,
  input: FirstAdminInput,
): Promise<CreateAdminResult & { linkPath: string | null }> {
  if (input.password !== undefined) assertPasswordAllowed(input.password, input.email, 'password');
  const service = new UserAdminService(
    new AccountRepository(dataSource),
    new AuditLogService(new AuditLogRepository(dataSource)),
  );
  const result = await service.createAdmin(input);
  return {
    ...result,
    // `${APP_URL}` stands for the app's address; the CLI puts the configured one in front.
    linkPath: result.token ? invitationLink(result.token).slice(APP_URL.length) : null,
  };
}
