import { Args, Context, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { UpdateMunicipalityProfileArgs } from './dto/municipality-profile.input';
import { Municipality } from './models/municipality.model';
import { MunicipalityProfile } from './models/municipality-profile.model';
import type { MunicipalityEntity } from './municipality.entity';
import { MunicipalityProfileService } from './municipality-profile.service';

@Resolver(() => Municipality)
export class MunicipalityProfileResolver {
  constructor(private readonly service: MunicipalityProfileService) {}

  @ResolveField(() => MunicipalityProfile, {
    nullable: true,
    description:
      'Its public profile (department, contact, introduction, plans, focus themes); null when none',
  })
  async profile(m: MunicipalityEntity, _args: unknown, ctx: RequestContext) {
    return MunicipalityProfileService.visible(await this.service.loader(ctx).load(m.id));
  }

  @Mutation(() => Municipality, {
    description: 'Edit a municipality’s profile: officers of that member municipality, organisers',
  })
  updateMunicipalityProfile(
    @Args() { code, input }: UpdateMunicipalityProfileArgs,
    @Context() ctx: RequestContext,
  ) {
    return this.service.update(ctx.actor, code, input);
  }
}
