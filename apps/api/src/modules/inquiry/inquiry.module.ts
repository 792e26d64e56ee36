import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseStudyModule } from '../case-study/case-study.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { CaseStudyInquiryResolver, InquiryMessageResolver, InquiryResolver } from './inquiry.resolver';
import { InquiryEntity, InquiryMessageEntity } from './inquiry.entity';
import { InquiryLoaders } from './inquiry-loaders';
import { InquiryRepository } from './inquiry.repository';
import { InquiryService } from './inquiry.service';

/** 問い合わせ: questions to the publisher of a case, their threads, FAQ publishing and the mails. */
@Module({
  imports: [
    TypeOrmModule.forFeature([InquiryEntity, InquiryMessageEntity]),
    CaseStudyModule,
    MunicipalityModule,
  ],
  providers: [
    InquiryRepository,
    InquiryService,
    InquiryLoaders,
    InquiryResolver,
    InquiryMessageResolver,
    CaseStudyInquiryResolver,
  ],
  exports: [InquiryRepository, InquiryService],
})
export class InquiryModule {}
