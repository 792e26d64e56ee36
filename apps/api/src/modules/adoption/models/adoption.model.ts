import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@yokoten/case-studies';

export const AdoptionStatusEnum = Object.fromEntries(ADOPTION_STATUSES.map((s) => [s, s])) as {
  [K in AdoptionStatus]: K;
};
registerEnumType(AdoptionStatusEnum, {
  name: 'AdoptionStatus',
  description: 'CONSIDERING 検討中 → PILOTING 試行中 → ADOPTED 導入済み',
});

@ObjectType({ description: '横展開: a municipality follows another’s case (one per case and municipality)' })
export class Adoption {
  @Field(() => ID)
  id: string;

  @Field(() => AdoptionStatusEnum)
  status: AdoptionStatus;

  caseStudyId: string;
  municipalityId: string;
  adopterCaseStudyId: string | null;
  note: string;
  adaptation: string;
  outcome: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'Last change (status, notes or outcome)' })
  updatedAt: Date;
}

@ObjectType({ description: 'One step of an adoption’s timeline' })
export class AdoptionEvent {
  @Field(() => AdoptionStatusEnum, { description: 'The status after this step' })
  status: AdoptionStatus;

  @Field(() => [String], {
    description: 'What changed: status, note, adaptation, outcome, adopterCaseStudyId',
  })
  changedFields: string[];

  @Field({ description: 'When' })
  createdAt: Date;

  userId: string | null;
}

@ObjectType({ description: 'One link of a chain of spread (横展開の連鎖)' })
export class SpreadLink {
  @Field(() => Int, { description: '1: follows the case itself; 2: follows a follower’s case; …' })
  depth: number;

  @Field(() => ID, { description: 'The case this link follows' })
  fromCaseStudyId: string;

  @Field(() => Adoption)
  adoption: Adoption;
}
