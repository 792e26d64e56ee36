import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { INQUIRY_STATUSES, type InquiryStatus } from '@yokoten/case-studies';

export const InquiryStatusEnum = Object.fromEntries(INQUIRY_STATUSES.map((s) => [s, s])) as {
  [K in InquiryStatus]: K;
};
registerEnumType(InquiryStatusEnum, {
  name: 'InquiryStatus',
  description: 'OPEN 回答待ち (the asker wrote last) / ANSWERED 回答済み (the publisher wrote last)',
});

@ObjectType({ description: '問い合わせ: a question to the publisher of a case, with its thread' })
export class Inquiry {
  @Field(() => ID)
  id: string;

  @Field()
  subject: string;

  @Field(() => InquiryStatusEnum)
  status: InquiryStatus;

  @Field({ description: 'The publisher made the thread a FAQ of the case for every member' })
  isPublic: boolean;

  @Field()
  lastMessageAt: Date;

  @Field()
  createdAt: Date;

  caseStudyId: string;
  askerMunicipalityId: string;
  publisherMunicipalityId: string;
}

@ObjectType()
export class InquiryMessage {
  @Field(() => ID)
  id: string;

  @Field()
  body: string;

  @Field()
  createdAt: Date;

  authorUserId: string | null;
  authorMunicipalityId: string;
}
