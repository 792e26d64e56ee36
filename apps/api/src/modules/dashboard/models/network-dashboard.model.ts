import { Field, Int, ObjectType } from '@nestjs/graphql';
import { CaseStudy } from '../../case-study/models/case-study.model';
import { Municipality } from '../../municipality/models/municipality.model';

@ObjectType({ description: 'A count under a key (a theme, a status, …) with its Japanese label' })
export class LabelledCount {
  @Field()
  key: string;

  @Field()
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class FiscalYearCount {
  @Field(() => Int)
  fiscalYear: number;

  @Field({ description: 'e.g. 令和7年度（2025年度）' })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: 'One prefecture on the map: every prefecture with a municipality in the register',
})
export class PrefectureCount {
  @Field({ description: 'JIS code 01–47 (the map’s key)' })
  prefectureCode: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Published cases of its municipalities' })
  caseCount: number;

  @Field(() => Int)
  memberCount: number;

  @Field(() => Int, { description: 'Adoptions (piloting or running) by its municipalities' })
  adoptionCount: number;
}

@ObjectType()
export class FollowedCase {
  @Field(() => CaseStudy)
  caseStudy: CaseStudy;

  @Field(() => Int, { description: 'Piloting or running it' })
  adoptionCount: number;

  @Field(() => Int, { description: 'Every municipality that recorded it, considering included' })
  followerCount: number;
}

@ObjectType({
  description:
    'Today’s members by the term they joined, and the running total (its last value is totals.members; municipalities that have left are not counted)',
})
export class MembershipTerm {
  @Field({ description: 'e.g. 2023H1' })
  term: string;

  @Field({ description: 'e.g. 2023年度上期' })
  label: string;

  @Field(() => Int)
  joined: number;

  @Field(() => Int, {
    description: 'Today’s members that joined up to and including this term',
  })
  cumulative: number;
}

@ObjectType({ description: 'A municipality’s participation in the sessions of one term' })
export class SessionParticipation {
  @Field()
  term: string;

  @Field()
  termLabel: string;

  @Field(() => Municipality)
  municipality: Municipality;

  municipalityId: string;

  @Field(() => Int, { description: 'Sessions of the term it registered for' })
  sessions: number;

  @Field(() => Int, { description: 'Confirmed registrations' })
  registered: number;

  @Field(() => Int, { description: 'Checked in' })
  attended: number;
}

@ObjectType()
export class DashboardTotals {
  @Field(() => Int)
  publishedCases: number;

  @Field(() => Int, { description: 'Member municipalities today (membershipStatus MEMBER)' })
  members: number;

  @Field(() => Int, { description: 'Adoption records, considering included' })
  adoptions: number;

  @Field(() => Int, { description: 'Piloting or running' })
  countedAdoptions: number;
}

@ObjectType({ description: 'The network at a glance (members and organisers)' })
export class NetworkDashboard {
  @Field()
  generatedAt: Date;

  @Field(() => DashboardTotals)
  totals: DashboardTotals;

  @Field(() => [LabelledCount], {
    description: 'Published cases per theme (a case counts under each of its themes)',
  })
  casesByTheme: LabelledCount[];

  @Field(() => [PrefectureCount])
  casesByPrefecture: PrefectureCount[];

  @Field(() => [FiscalYearCount], { description: 'Published cases per fiscal year they ran in' })
  casesByFiscalYear: FiscalYearCount[];

  @Field(() => [LabelledCount], { description: 'Adoption records per status' })
  adoptionsByStatus: LabelledCount[];

  @Field(() => [FollowedCase], { description: 'Most-followed published cases' })
  topFollowedCases: FollowedCase[];

  @Field(() => [MembershipTerm])
  membershipOverTime: MembershipTerm[];

  @Field(() => [SessionParticipation], {
    description: 'Per term and municipality, from registrations and check-ins',
  })
  sessionParticipation: SessionParticipation[];
}
