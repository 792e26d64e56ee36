import { Args, Context, Info, Query, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../graphql/request-context';
import { selectedFields } from '../case-search/case-study-selection';
import { CaseStudy } from '../case-study/models/case-study.model';
import { CasesLikeDraftArgs } from './dto/cases-like-draft.input';
import { FindPrecedentsArgs } from './dto/find-precedents.input';
import { PrecedentMatch } from './models/precedent-match.model';
import { PrecedentFinderService } from './precedent-finder.service';

@Resolver(() => PrecedentMatch)
export class PrecedentFinderResolver {
  constructor(private readonly service: PrecedentFinderService) {}

  @Query(() => [PrecedentMatch], {
    description:
      '先行事例ファインダー: published cases the caller may read, ranked for the described situation by text relevance, closeness of the municipality (size, kind, place), themes in common and spread; with the reasons',
  })
  findPrecedents(
    @Args() { input }: FindPrecedentsArgs,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.service.find(ctx.actor, input, {
      primeCaseStudy: (c) => void ctx.loaders.caseStudy.prime(c.id, c),
      primeMunicipality: (m) => void ctx.loaders.municipality.prime(m.id, m),
      primeAdoptions: (id, adoptions) => void ctx.loaders.adoptionsByCase.prime(id, adoptions),
      caseStudyFields: selectedFields(info, ['caseStudy']),
    });
  }

  @Query(() => [CaseStudy], {
    description:
      'While an officer writes a new case: published cases that look like it (possible duplicates, related work), own municipality included; signed-in users, each with the cases they may read',
  })
  casesLikeDraft(@Args() { input }: CasesLikeDraftArgs, @Context() ctx: RequestContext) {
    return this.service.likeDraft(ctx.actor, input);
  }
}
