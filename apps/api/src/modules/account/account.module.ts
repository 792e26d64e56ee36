import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { AccountRepository } from './account.repository';
import { AccountResolver } from './account.resolver';
import { AppSettingEntity } from './app-setting.entity';
import { InvitationEntity } from './invitation.entity';
import { InvitationPreviewResolver, InvitationResolver } from './invitation.resolver';
import { InvitationService } from './invitation.service';
import { PasswordResetEntity } from './password-reset.entity';
import { PasswordService } from './password.service';
import { PasswordResetLimits } from './reset-limits';
import { UserAdminService } from './user-admin.service';

/**
 * Accounts (docs/accounts.md): invitations, password reset and change, own profile and mail preferences,
 * account administration, the invitation settings and the first admin. Exports InvitationService for
 * modules that invite as part of their own change (join applications).
 */
@Module({
  imports: [TypeOrmModule.forFeature([InvitationEntity, PasswordResetEntity, AppSettingEntity]), AuditModule],
  providers: [
    AccountRepository,
    InvitationService,
    PasswordService,
    PasswordResetLimits,
    UserAdminService,
    InvitationResolver,
    InvitationPreviewResolver,
    AccountResolver,
  ],
  exports: [InvitationService, UserAdminService],
})
export class AccountModule {}
