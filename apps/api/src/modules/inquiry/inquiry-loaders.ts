import type DataLoader from 'dataloader';
import { Injectable } from '@nestjs/common';
import { manyByKey } from '../../graphql/dataloaders';
import {
  RequestLoaderProvider,
  type LoaderFactories,
  type ProvidesLoaders,
} from '../../graphql/request-loaders';
import type { InquiryEntity, InquiryMessageEntity } from './inquiry.entity';
import { InquiryRepository } from './inquiry.repository';

declare module '../../graphql/request-loaders' {
  interface Loaders {
    /** Oldest first within each inquiry. */
    inquiryMessages: DataLoader<string, InquiryMessageEntity[]>;
    /** Rows only, latest activity first: InquiryService.canRead decides which the caller sees. */
    inquiriesByCase: DataLoader<string, InquiryEntity[]>;
  }
}

@RequestLoaderProvider()
@Injectable()
export class InquiryLoaders implements ProvidesLoaders {
  constructor(private readonly repository: InquiryRepository) {}

  loaderFactories(): LoaderFactories {
    const r = this.repository;
    return {
      inquiryMessages: () =>
        manyByKey(
          (ids) => r.findMessagesByInquiryIds(ids),
          (m) => m.inquiryId,
        ),
      inquiriesByCase: () =>
        manyByKey(
          (ids) => r.findByCaseIds(ids),
          (i) => i.caseStudyId,
        ),
    };
  }
}
