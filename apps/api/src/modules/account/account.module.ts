import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AccountRepository } from './account.repository';
import { AccountResolver } from './account.resolver';
import { InvitationPreviewResolver, InvitationResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';
import { PasswordService } from './password.service';
import { PasswordResetLimits } from './reset-limits';
import { UserAdminService } from './user-admin.service';

export const ACCOUNT_RESOLVERS = [InvitationResolver, InvitationPreviewResolver, AccountResolver];

/**
 * Accounts (docs/accounts.md): invitations, password reset and change, own profile and mail preferences,
 * account administration, the invitation settings and the first admin. Exports InvitationService for
 * modules that invite as part of their own change (join applications).
 */
@Module({
  imports: [AuditModule],
  providers: [
    AccountRepository,
    InvitationService,
    PasswordService,
    PasswordResetLimits,
    UserAdminService,
    ...ACCOUNT_RESOLVERS,
  ],
  exports: [InvitationService, UserAdminService],
})
export class AccountModule {}
