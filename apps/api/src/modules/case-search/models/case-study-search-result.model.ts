import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CASE_SORTS, type CaseSort } from '@yokoten/case-studies';
import { CaseStudy } from '../../case-study/models/case-study.model';

export const CaseStudySortEnum = Object.fromEntries(CASE_SORTS.map((s) => [s, s])) as Record<
  CaseSort,
  CaseSort
>;
registerEnumType(CaseStudySortEnum, {
  name: 'CaseStudySort',
  description:
    'RELEVANCE (default), NEWEST (published), BUDGET_ASC (cheapest first), POPULATION_ASC (smallest first), MOST_ADOPTED (most followed first), MOST_HELPFUL (most marked 参考になった first)',
  valuesMap: {
    RELEVANCE: { description: 'Best match first' },
    NEWEST: { description: 'Most recently published first' },
    BUDGET_ASC: { description: 'Smallest budget first; cases without a budget last' },
    POPULATION_ASC: { description: 'Smallest municipality first' },
    MOST_ADOPTED: { description: '横展開: cases piloted or adopted by the most municipalities first' },
    MOST_HELPFUL: { description: '「参考になった」: cases marked helpful by the most users first' },
  },
});

@ObjectType({
  description:
    'Highlighted text of a hit as safe HTML: matches are wrapped in <mark>…</mark> and everything else is HTML-escaped',
})
export class CaseStudyHighlights {
  @Field()
  title: string;

  @Field()
  summary: string;

  @Field({
    description: 'A snippet of the body (plain text, no Markdown) around the matches, cropped with …',
  })
  body: string;
}

@ObjectType()
export class CaseStudyHit {
  @Field(() => CaseStudy)
  caseStudy: CaseStudy;

  @Field(() => CaseStudyHighlights, { nullable: true })
  highlights: CaseStudyHighlights | null;
}

@ObjectType()
export class FacetValue {
  @Field({
    description: 'An enum key (e.g. DX_TALENT, EVALUATED), a prefecture code (e.g. 40) or a fiscal year (e.g. 2025)',
  })
  value: string;

  @Field(() => Int, { description: 'Hits of this search that have the value' })
  count: number;
}

@ObjectType()
export class Facet {
  @Field({ description: 'themes, targets, prefecture, populationBand, municipalityKind, fiscalYear or stage' })
  field: string;

  @Field(() => [FacetValue], { description: 'Most frequent first' })
  values: FacetValue[];
}

@ObjectType()
export class CaseStudySearchResult {
  @Field(() => [CaseStudyHit])
  hits: CaseStudyHit[];

  @Field(() => Int, { description: 'Exact number of matching cases' })
  totalHits: number;

  @Field(() => Int)
  page: number;

  @Field(() => Int)
  pageSize: number;

  @Field(() => Int)
  totalPages: number;

  @Field(() => [Facet])
  facets: Facet[];

  @Field(() => Int, { description: 'Time the search engine took' })
  processingTimeMs: number;

  @Field({
    description:
      'true when no case matched every word, so the results match fewer of them (words dropped from the end)',
  })
  relaxed: boolean;

  @Field({ description: 'The query as searched, after width normalisation (ＤＸ → DX)' })
  query: string;
}
