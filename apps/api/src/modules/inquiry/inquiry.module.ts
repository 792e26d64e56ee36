import { Module } from '@nestjs/common';
import { CaseStudyModule } from '../case-study/case-study.module';
import { MunicipalityModule } from '../municipality/municipality.module';
import { CaseStudyInquiryResolver, InquiryMessageResolver, InquiryResolver } from './inquiry.resolver';
import { InquiryRepository } from './inquiry.repository';
import { InquiryService } from './inquiry.service';

export const INQUIRY_RESOLVERS = [InquiryResolver, InquiryMessageResolver, CaseStudyInquiryResolver];

/** 問い合わせ: questions to the publisher of a case, their threads, FAQ publishing and the mails. */
@Module({
  imports: [CaseStudyModule, MunicipalityModule],
  providers: [InquiryRepository, InquiryService, ...INQUIRY_RESOLVERS],
  exports: [InquiryRepository, InquiryService],
})
export class InquiryModule {}
