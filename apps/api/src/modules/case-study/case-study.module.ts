import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { CaseStudyLoaders } from './case-study-loaders';
import { CaseStudyRevisionEntity } from './case-study-revision.entity';
import { CaseStudyEntity } from './case-study.entity';
import { CaseStudyRepository } from './case-study.repository';
import { CaseStudyResolver, CaseStudyRevisionResolver } from './case-study.resolver';
import { CaseStudyService } from './case-study.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseStudyEntity, CaseStudyRevisionEntity]),
    MunicipalityModule,
    AuditModule,
  ],
  providers: [
    CaseStudyService,
    CaseStudyRepository,
    CaseStudyLoaders,
    CaseStudyResolver,
    CaseStudyRevisionResolver,
  ],
  exports: [CaseStudyService, CaseStudyRepository],
})
export class CaseStudyModule {}
