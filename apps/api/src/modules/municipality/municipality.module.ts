import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { DeclarationEntity } from './declaration.entity';
import { DeclarationResolver } from './declaration.resolver';
import { MUNICIPALITY_LOADERS } from './municipality-loaders';
import { MunicipalityProfileEntity } from './municipality-profile.entity';
import { MunicipalityProfileRepository } from './municipality-profile.repository';
import { MunicipalityProfileResolver } from './municipality-profile.resolver';
import { MunicipalityProfileService } from './municipality-profile.service';
import { MunicipalityEntity } from './municipality.entity';
import { MunicipalityRepository } from './municipality.repository';
import { MunicipalityResolver } from './municipality.resolver';
import { MunicipalityService } from './municipality.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([MunicipalityEntity, DeclarationEntity, MunicipalityProfileEntity]),
    AuditModule,
  ],
  providers: [
    MunicipalityService,
    MunicipalityRepository,
    MunicipalityProfileService,
    MunicipalityProfileRepository,
    ...MUNICIPALITY_LOADERS,
    MunicipalityResolver,
    DeclarationResolver,
    MunicipalityProfileResolver,
  ],
  exports: [MunicipalityService, MunicipalityRepository, MunicipalityProfileService],
})
export class MunicipalityModule {}
