import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CaseStage, CaseStatus, CaseTarget, CaseTheme, Visibility } from '@yokoten/case-studies';
import { DateScalar } from '../../../graphql/date.scalar';
import {
  CaseStageEnum,
  CaseStatusEnum,
  CaseTargetEnum,
  CaseThemeEnum,
  VisibilityEnum,
} from '../../../graphql/enums';

@ObjectType({ description: '成果指標: a measured result, before and after' })
export class Outcome {
  @Field({ description: 'e.g. 受講者数' })
  label: string;

  @Field(() => Float, { nullable: true, description: 'null: nothing to compare with (a new service)' })
  before: number | null;

  @Field(() => Float)
  after: number;

  @Field({ description: 'e.g. 人, 件, %' })
  unit: string;

  @Field(() => DateScalar, { nullable: true, description: 'When `after` was measured' })
  asOf: string | null;
}

@ObjectType({ description: 'Whom to ask about a case' })
export class CaseStudyContact {
  @Field({ description: 'Department (担当部署); shown to everyone who may read the case' })
  department: string;

  @Field(() => String, { nullable: true, description: 'Signed-in users only; null for anonymous readers' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Signed-in users only; null for anonymous readers' })
  phone: string | null;
}

@ObjectType({ description: 'A person as shown on a case: the name only' })
export class CaseStudyPerson {
  @Field()
  name: string;
}

@ObjectType({ description: 'One requirement for publishing, and whether the case meets it' })
export class PublishChecklistItem {
  @Field({ description: 'Input field to fill, e.g. summary' })
  field: string;

  @Field()
  ok: boolean;

  @Field({ description: 'What is required, Japanese then English' })
  message: string;
}

@ObjectType({ description: 'A draft that was deleted: what it was, for the confirmation' })
export class DeletedCaseStudy {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;
}

export const CASE_STUDY_REVISION_ACTIONS = ['CREATE', 'UPDATE', 'PUBLISH', 'ARCHIVE', 'UNPUBLISH'] as const;
export type CaseStudyRevisionAction = (typeof CASE_STUDY_REVISION_ACTIONS)[number];
export const CaseStudyRevisionActionEnum = Object.fromEntries(
  CASE_STUDY_REVISION_ACTIONS.map((a) => [a, a]),
) as Record<CaseStudyRevisionAction, CaseStudyRevisionAction>;
registerEnumType(CaseStudyRevisionActionEnum, {
  name: 'CaseStudyRevisionAction',
  description: 'What a saved change did; UNPUBLISH is an organiser taking a case down',
});

@ObjectType({ description: 'One saved change of a case: who, when, which fields' })
export class CaseStudyRevision {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { description: 'The case’s version after this change' })
  version: number;

  @Field(() => CaseStudyRevisionActionEnum)
  action: CaseStudyRevisionAction;

  /** Resolved into `editor` through a DataLoader. */
  editorId: string | null;

  @Field(() => [String], { description: 'Input field names that changed' })
  changedFields: string[];

  @Field(() => String, { nullable: true, description: 'e.g. the reason for an unpublish' })
  note: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType({ description: '事例: what a municipality did, what it cost, what came of it, and whom to ask' })
export class CaseStudy {
  @Field(() => ID)
  id: string;

  /** Resolved into `municipality` through a DataLoader. */
  municipalityId: string;

  /** Resolved into `author` (name only) for members and staff (caseStudy.readMembersOnly). */
  authorId: string | null;

  @Field()
  title: string;

  @Field()
  summary: string;

  @Field({ description: 'Markdown source; see bodyHtml for the sanitised rendering' })
  body: string;

  @Field(() => [CaseThemeEnum])
  themes: CaseTheme[];

  @Field(() => [CaseTargetEnum])
  targets: CaseTarget[];

  @Field(() => [String])
  tags: string[];

  @Field(() => CaseStatusEnum)
  status: CaseStatus;

  @Field(() => VisibilityEnum)
  visibility: Visibility;

  @Field(() => CaseStageEnum)
  stage: CaseStage;

  @Field(() => [Int], { description: '年度 (April–March), e.g. 2025 = 令和7年度' })
  fiscalYears: number[];

  @Field(() => Float, { nullable: true, description: 'Total budget in yen' })
  budgetYen: number | null;

  @Field(() => [String], { description: 'e.g. デジタル田園都市国家構想交付金' })
  fundingSources: string[];

  @Field(() => [String], { description: 'Companies, universities, banks… that took part' })
  partners: string[];

  @Field(() => [Outcome])
  outcomes: Outcome[];

  @Field()
  lessonsLearned: string;

  @Field({ description: 'What was hard or did not work' })
  challenges: string;

  @Field({ description: 'What another municipality needs for this to work there' })
  successConditions: string;

  /** Resolved into `contact`; email and phone only for members and staff (caseStudy.readMembersOnly). */
  contactDepartment: string;
  contactEmail: string | null;
  contactPhone: string | null;

  /** Resolved for the owners and organisers only. */
  unpublishedReason: string | null;

  @Field(() => Date, { nullable: true, description: 'First publication; kept when a case is re-published' })
  publishedAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Int, { description: 'Increases with every saved change; send it back as expectedVersion' })
  version: number;
}
