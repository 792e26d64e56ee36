import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountModule } from '../account/account.module';
import { AuditModule } from '../audit/audit.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { JoinApplicationEntity } from './join-application.entity';
import { JoinApplicationRepository } from './join-application.repository';
import { JoinApplicationResolver } from './join-application.resolver';
import { JoinApplicationService } from './join-application.service';

/** 参加申込: the public form's applications, and the organisers' admit (first officer invited) or decline. */
@Module({
  imports: [
    TypeOrmModule.forFeature([JoinApplicationEntity]),
    AuditModule,
    MunicipalityModule,
    AccountModule,
  ],
  providers: [JoinApplicationService, JoinApplicationRepository, JoinApplicationResolver],
})
export class JoinApplicationModule {}
