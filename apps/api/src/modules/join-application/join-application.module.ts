import { Module } from '@nestjs/common';
import { AccountModule } from '../account/account.module';
import { AuditModule } from '../audit/audit.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { JoinApplicationRepository } from './join-application.repository';
import { JoinApplicationResolver } from './join-application.resolver';
import { JoinApplicationService } from './join-application.service';

export const JOIN_APPLICATION_RESOLVERS = [JoinApplicationResolver];

/** 参加申込: the public form's applications, and the organisers' admit (first officer invited) or decline. */
@Module({
  imports: [AuditModule, MunicipalityModule, AccountModule],
  providers: [JoinApplicationService, JoinApplicationRepository, ...JOIN_APPLICATION_RESOLVERS],
})
export class JoinApplicationModule {}
