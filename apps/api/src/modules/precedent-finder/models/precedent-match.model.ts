import { Field, Float, ObjectType } from '@nestjs/graphql';
import { CaseStudy } from '../../case-study/models/case-study.model';

@ObjectType({ description: 'How a precedent’s score is made up (see docs/precedent-finder.md)' })
export class PrecedentScoreParts {
  @Field(() => Float, { description: 'Text relevance from the search engine' })
  text: number;

  @Field(() => Float, { description: 'Same or adjacent population band' })
  population: number;

  @Field(() => Float, { description: 'Same kind (市, 町, …)' })
  kind: number;

  @Field(() => Float, { description: 'Same prefecture, neighbouring prefecture or same region' })
  place: number;

  @Field(() => Float, { description: 'Themes in common with the description' })
  themes: number;

  @Field(() => Float, { description: 'Municipalities that followed it (log-scaled)' })
  adoption: number;
}

@ObjectType({ description: 'A precedent found for a described situation, with why it was ranked there' })
export class PrecedentMatch {
  @Field(() => CaseStudy)
  caseStudy: CaseStudy;

  @Field(() => Float, { description: 'Higher is closer; comparable within one answer only' })
  score: number;

  @Field(() => [String], {
    description:
      'Why, in Japanese: 「同規模の自治体（5万〜10万人）」「同じ県（福岡県）」「共通のテーマ：リスキリング」…',
  })
  reasons: string[];

  @Field(() => PrecedentScoreParts)
  parts: PrecedentScoreParts;
}
