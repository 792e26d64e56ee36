import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseStudyModule } from '../case-study/case-study.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { AdoptionEntity, AdoptionEventEntity } from './adoption.entity';
import { AdoptionLoaders } from './adoption-loaders';
import { AdoptionEventResolver, AdoptionResolver, CaseStudyAdoptionResolver } from './adoption.resolver';
import { AdoptionRepository } from './adoption.repository';
import { AdoptionService } from './adoption.service';

/** 横展開: adoption records, their timelines, the chain of spread and CaseStudy.adoptionCount/adoptions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AdoptionEntity, AdoptionEventEntity]),
    CaseStudyModule,
    MunicipalityModule,
  ],
  providers: [
    AdoptionRepository,
    AdoptionService,
    AdoptionLoaders,
    AdoptionResolver,
    AdoptionEventResolver,
    CaseStudyAdoptionResolver,
  ],
  exports: [AdoptionRepository, AdoptionService],
})
export class AdoptionModule {}
