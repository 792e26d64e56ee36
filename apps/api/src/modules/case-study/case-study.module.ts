import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { CaseStudyRepository } from './case-study.repository';
import { CaseStudyResolver, CaseStudyRevisionResolver } from './case-study.resolver';
import { CaseStudyService } from './case-study.service';

export const CASE_STUDY_RESOLVERS = [CaseStudyResolver, CaseStudyRevisionResolver];

@Module({
  imports: [MunicipalityModule, AuditModule],
  providers: [CaseStudyService, CaseStudyRepository, ...CASE_STUDY_RESOLVERS],
  exports: [CaseStudyService, CaseStudyRepository],
})
export class CaseStudyModule {}
