import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/request-context';
import { CaseStudy } from '../case-study/models/case-study.model';
import { CaseSearchService, type HitLoaders } from './case-search.service';
import { selectedFields } from './case-study-selection';
import { SearchCaseStudiesArgs, SimilarCaseStudiesArgs } from './dto/search-case-studies.args';
import { CaseStudySearchResult } from './models/case-study-search-result.model';

/** The hydration query already joined the municipalities: hand them to the loader instead of re-reading. */
function primers(ctx: RequestContext, caseStudyFields: Set<string> | null): HitLoaders {
  return { primeMunicipality: (m) => void ctx.loaders.municipality.prime(m.id, m), caseStudyFields };
}

@Resolver(() => CaseStudySearchResult)
export class CaseSearchResolver {
  constructor(private readonly service: CaseSearchService) {}

  @Query(() => CaseStudySearchResult, {
    description:
      '先行事例検索: published cases the caller may read, in Japanese (kanji, kana, width and synonyms), with facets and highlights',
  })
  searchCaseStudies(
    @Args() args: SearchCaseStudiesArgs,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const top = selectedFields(info, []);
    const hit = selectedFields(info, ['hits']);
    return this.service.search(ctx.actor, args, {
      ...primers(ctx, selectedFields(info, ['hits', 'caseStudy'])),
      needs: { facets: top?.has('facets') ?? true, highlights: hit?.has('highlights') ?? false },
    });
  }

  @Query(() => [CaseStudy], {
    description: 'Cases sharing the themes of this one, most similar first; empty when it cannot be read',
  })
  similarCaseStudies(
    @Args() { id, limit }: SimilarCaseStudiesArgs,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service.similar(ctx.actor, id, limit ?? 5, primers(ctx, selectedFields(info, [])));
  }
}
