import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeclarationResolver } from './declaration.resolver';
import { MunicipalityProfileRepository } from './municipality-profile.repository';
import { MunicipalityProfileResolver } from './municipality-profile.resolver';
import { MunicipalityProfileService } from './municipality-profile.service';
import { MunicipalityRepository } from './municipality.repository';
import { MunicipalityResolver } from './municipality.resolver';
import { MunicipalityService } from './municipality.service';

export const MUNICIPALITY_RESOLVERS = [
  MunicipalityResolver,
  DeclarationResolver,
  MunicipalityProfileResolver,
];

@Module({
  imports: [AuditModule],
  providers: [
    MunicipalityService,
    MunicipalityRepository,
    MunicipalityProfileService,
    MunicipalityProfileRepository,
    ...MUNICIPALITY_RESOLVERS,
  ],
  exports: [MunicipalityService, MunicipalityRepository, MunicipalityProfileService],
})
export class MunicipalityModule {}
