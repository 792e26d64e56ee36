import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { MembershipStatus, MunicipalityKind } from '@yokoten/case-studies';
import { MembershipStatusEnum, MunicipalityKindEnum } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/date.scalar';

@ObjectType({ description: '地方公共団体 (a municipality or prefecture in the register)' })
export class Municipality {
  @Field(() => ID)
  id: string;

  @Field({ description: '全国地方公共団体コード (6 digits, last one a check digit)' })
  code: string;

  @Field()
  name: string;

  @Field({ description: 'Reading in hiragana' })
  kana: string;

  @Field(() => String, { nullable: true })
  nameEn: string | null;

  /** Resolved into `prefecture` from the shared taxonomy. */
  prefectureCode: string;

  @Field(() => MunicipalityKindEnum)
  kind: MunicipalityKind;

  @Field(() => Int, { nullable: true, description: 'Latest known population' })
  population: number | null;

  @Field(() => MembershipStatusEnum, {
    nullable: true,
    description: 'null: in the register, not in the network',
  })
  membershipStatus: MembershipStatus | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day the municipality joined the network (JST)' })
  joinedOn: string | null;
}
