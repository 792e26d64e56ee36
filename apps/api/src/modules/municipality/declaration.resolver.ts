import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { DeclarationTargetInput } from './dto/declaration-target.input';
import { SignDeclarationInput } from './dto/sign-declaration.input';
import { Declaration } from './models/declaration.model';
import { Municipality } from './models/municipality.model';
import { MunicipalityService } from './municipality.service';

@Resolver(() => Declaration)
export class DeclarationResolver {
  constructor(private readonly municipalities: MunicipalityService) {}

  @Query(() => [Declaration], {
    description: '共同宣言: signed declarations of current members, oldest first',
  })
  declarations() {
    return this.municipalities.listDeclarations();
  }

  @Mutation(() => Declaration, {
    description: 'An officer signs the joint declaration for their own municipality',
  })
  signDeclaration(
    @Args('input') input: SignDeclarationInput,
    @Context() ctx: RequestContext,
    @Args('target', { nullable: true }) target?: DeclarationTargetInput,
  ) {
    return this.municipalities.signDeclaration(ctx.actor, input, target?.municipalityCode);
  }

  @ResolveField(() => Municipality)
  municipality(d: Declaration, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.municipality.load(d.municipalityId);
  }
}
