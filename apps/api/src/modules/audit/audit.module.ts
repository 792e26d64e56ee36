import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { AuditLogController } from './audit-log.controller';
import { AuditLogEntity } from './audit-log.entity';
import { AuditLogRepository } from './audit-log.repository';
import { AuditLogResolver } from './audit-log.resolver';
import { AuditLogService } from './audit-log.service';
import { AuditUserLoaderFactory } from './user-loader';

/** The audit log: `AuditLogService.record(manager, entry)` for every module that changes accounts, roles, membership, profiles or settings. */
@Module({
  imports: [TypeOrmModule.forFeature([AuditLogEntity]), AuthModule],
  providers: [AuditLogService, AuditLogRepository, AuditUserLoaderFactory, AuditLogResolver],
  controllers: [AuditLogController],
  exports: [AuditLogService, AuditUserLoaderFactory],
})
export class AuditModule {}
