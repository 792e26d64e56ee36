import { Args, Context, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PREFECTURES, populationBandOf, prefectureByCode, type PopulationBand } from '@yokoten/case-studies';
import type { RequestContext } from '../../graphql/request-context';
import { PopulationBandEnum } from '../../graphql/enums';
import { MunicipalitiesArgs } from './dto/municipalities.args';
import { MunicipalityCodeArgs } from './dto/municipality-code.args';
import { Declaration } from './models/declaration.model';
import { Municipality } from './models/municipality.model';
import { MunicipalityConnection, NetworkStats } from './models/municipality-connection.model';
import { Prefecture } from './models/prefecture.model';
import { MunicipalityService } from './municipality.service';

@Resolver(() => Municipality)
export class MunicipalityResolver {
  constructor(private readonly service: MunicipalityService) {}

  @Query(() => MunicipalityConnection, {
    description: 'The register, in code order; filter by prefecture, kind, membership, name/kana',
  })
  municipalities(@Args() args: MunicipalitiesArgs) {
    return this.service.list(args);
  }

  @Query(() => Municipality, { nullable: true })
  municipality(@Args() { code }: MunicipalityCodeArgs) {
    return this.service.getByCode(code);
  }

  @Query(() => [Prefecture])
  prefectures(): Prefecture[] {
    return PREFECTURES.map(({ code, name, nameEn, kana, region }) => ({ code, name, nameEn, kana, region }));
  }

  @Query(() => NetworkStats, { description: 'Member, applicant and declaration counts' })
  networkStats() {
    return this.service.stats();
  }

  @Mutation(() => Municipality, { description: '加入承認 (organiser): the municipality becomes a member' })
  admitMunicipality(@Args() { code }: MunicipalityCodeArgs, @Context() ctx: RequestContext) {
    return this.service.admit(ctx.actor, code);
  }

  @Mutation(() => Municipality, { description: '退会処理 (organiser)' })
  withdrawMunicipality(@Args() { code }: MunicipalityCodeArgs, @Context() ctx: RequestContext) {
    return this.service.withdraw(ctx.actor, code);
  }

  @ResolveField(() => Prefecture)
  prefecture(m: Municipality): Prefecture {
    const p = prefectureByCode(m.prefectureCode);
    if (!p) throw new Error(`unknown prefecture code ${m.prefectureCode} on municipality ${m.code}`);
    return { code: p.code, name: p.name, nameEn: p.nameEn, kana: p.kana, region: p.region };
  }

  @ResolveField(() => PopulationBandEnum, { nullable: true })
  populationBand(m: Municipality): PopulationBand | null {
    return m.population === null ? null : populationBandOf(m.population);
  }

  @ResolveField(() => Declaration, { nullable: true, description: 'Its signed joint declaration, if any' })
  declaration(m: Municipality, _args: unknown, ctx: RequestContext) {
    return ctx.loaders.declarationByMunicipality.load(m.id);
  }
}
