import { manyByKey } from '../../graphql/dataloaders';
import { requestLoaders, type LoadersOf } from '../../graphql/request-loaders';
import { InquiryRepository } from './inquiry.repository';

/**
 * Messages oldest first within each inquiry; a case's inquiries, rows only and latest activity first
 * (InquiryService.canRead decides which the caller sees).
 */
const make = (r: InquiryRepository) => ({
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
});

declare module '../../graphql/request-loaders' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the members come from the factories
  interface Loaders extends LoadersOf<typeof make> {}
}

export const InquiryLoaders = requestLoaders(InquiryRepository, make);
