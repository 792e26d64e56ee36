import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditLogService } from './audit-log.service';
import { AuditUserLoaderFactory } from './user-loader';

export const AUDIT_RESOLVERS = [AuditLogResolver];

/** The audit log: `AuditLogService.record(manager, entry)` for every module that changes accounts, roles, membership, profiles or settings. */
@Module({
  imports: [AuthModule],
  providers: [AuditLogService, AuditLogRepository, AuditUserLoaderFactory, ...AUDIT_RESOLVERS],
  controllers: [AuditLogController],
  exports: [AuditLogService, AuditUserLoaderFactory],
})
export class AuditModule {}
